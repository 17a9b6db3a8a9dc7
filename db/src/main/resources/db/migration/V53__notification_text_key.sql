-- Issue #18: a notification is read in its RECIPIENT's language, which the sender does not know (and may not read:
-- the recipient's member row is in another tenant's partition). So a notification keeps what it says as a
-- translation key and its arguments, and the bell writes it in the reader's language when it shows it.
--
-- text stays: the English rendering, written as before (for audit, for rows made before V53, and for reminders that
-- look for an earlier identical one). text_key null: the row has only its English text (older rows, senders not yet
-- converted); the bell then shows text.
--
-- Arguments are tagged strings the app encodes and decodes (org.entente.workstream.Notifications): "s:" text as typed
-- (a workstream title, an excerpt), "n:" a number, "d:" an ISO date, "k:" another translation key (an enum label),
-- "0:" null. Each is user content or a key, never markup.
--
-- Who may see or change it: unchanged. The columns belong to the notification row, so they are under the same
-- policies (notification_recipient: the recipient tenant's partition only; notification_definer_write: only while
-- notify()/notify_own_tenant() run) and grants (the runtime role reads the table and updates read_at only).

ALTER TABLE notification
    ADD COLUMN text_key  text,
    ADD COLUMN text_args text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT notification_text_key_ck
        CHECK (text_key IS NULL OR (char_length(text_key) <= 200 AND text_key ~ '^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$')),
    ADD CONSTRAINT notification_text_args_ck
        CHECK (cardinality(text_args) <= 20 AND (text_key IS NOT NULL OR cardinality(text_args) = 0)
               AND char_length(array_to_string(text_args, '')) <= 4000);

COMMENT ON COLUMN notification.text IS 'What the notification says, in English (the rendering of text_key when set).';
COMMENT ON COLUMN notification.text_key IS 'The translation key of the text; null: only the English text is known.';
COMMENT ON COLUMN notification.text_args IS 'The key''s arguments, tagged: s: text, n: number, d: ISO date, k: key, 0: null.';

-- The two writers take the key and arguments too (defaulted, so a caller giving only the text still works). A new
-- parameter list is a new function in PostgreSQL: the old ones are dropped, not overloaded, so that each name stays
-- one function with one grant.
DROP FUNCTION notify(uuid, uuid, text, uuid, uuid, text);

-- Notifies a tenant (or one of its members) about a workstream the caller can see; the recipient
-- must be its owner or an INVITED/ACCEPTED participant. Returns the notification id. (V2, plus text_key/text_args.)
CREATE FUNCTION notify(p_recipient_tenant_id uuid, p_recipient_member_id uuid, p_kind text,
                       p_workstream_tenant_id uuid, p_workstream_id uuid, p_text text,
                       p_text_key text DEFAULT NULL, p_text_args text[] DEFAULT '{}') RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_id       bigint;
BEGIN
    IF current_tenant_id() IS NULL
       OR NOT EXISTS (SELECT 1 FROM workstream w WHERE w.tenant_id = p_workstream_tenant_id AND w.id = p_workstream_id)
       OR NOT can_see_workstream(p_workstream_tenant_id, p_workstream_id) THEN
        RAISE EXCEPTION 'cannot notify: the workstream is not visible to the calling tenant' USING ERRCODE = 'EN030';
    END IF;
    IF p_recipient_tenant_id IS NULL
       OR (p_recipient_tenant_id <> p_workstream_tenant_id
           AND coalesce(participation_status(p_workstream_tenant_id, p_workstream_id, p_recipient_tenant_id), '')
               NOT IN ('INVITED', 'ACCEPTED')) THEN
        RAISE EXCEPTION 'cannot notify: the recipient tenant does not take part in the workstream' USING ERRCODE = 'EN030';
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    IF p_recipient_member_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM member m WHERE m.tenant_id = p_recipient_tenant_id AND m.id = p_recipient_member_id) THEN
        RAISE EXCEPTION 'cannot notify: the recipient member does not belong to the recipient tenant' USING ERRCODE = 'EN030';
    END IF;
    INSERT INTO notification (tenant_id, recipient_member_id, kind, workstream_tenant_id, workstream_id, text,
                              text_key, text_args)
    VALUES (p_recipient_tenant_id, p_recipient_member_id, p_kind, p_workstream_tenant_id, p_workstream_id, p_text,
            p_text_key, coalesce(p_text_args, '{}'))
    RETURNING id INTO v_id;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN v_id;
END
$$;

DROP FUNCTION notify_own_tenant(uuid, text, text);

-- A notification about no workstream for a member of the acting tenant itself (briefings). Runs as its owner only to
-- check the recipient; the row is written under notification_recipient like everybody's. (V31, plus
-- text_key/text_args.)
CREATE FUNCTION notify_own_tenant(p_recipient_member_id uuid, p_kind text, p_text text,
                                  p_text_key text DEFAULT NULL, p_text_args text[] DEFAULT '{}') RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    IF current_tenant_id() IS NULL THEN
        RAISE EXCEPTION 'cannot notify: no tenant is acting' USING ERRCODE = 'EN050';
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('BRIEFING_READY', 'BRIEFING_FAILED') THEN
        RAISE EXCEPTION 'cannot notify: notify_own_tenant does not send "%" notifications', p_kind
            USING ERRCODE = 'EN050', HINT = 'Notifications about a workstream go through notify().';
    END IF;
    IF p_recipient_member_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM member m WHERE m.tenant_id = current_tenant_id() AND m.id = p_recipient_member_id) THEN
        RAISE EXCEPTION 'cannot notify: the recipient is not a member of the acting tenant' USING ERRCODE = 'EN050';
    END IF;
    INSERT INTO notification (tenant_id, recipient_member_id, kind, text, text_key, text_args)
    VALUES (current_tenant_id(), p_recipient_member_id, p_kind, p_text, p_text_key, coalesce(p_text_args, '{}'))
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

REVOKE ALL ON FUNCTION notify(uuid, uuid, text, uuid, uuid, text, text, text[]),
    notify_own_tenant(uuid, text, text, text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notify(uuid, uuid, text, uuid, uuid, text, text, text[]),
    notify_own_tenant(uuid, text, text, text, text[]) TO ${app_role};
