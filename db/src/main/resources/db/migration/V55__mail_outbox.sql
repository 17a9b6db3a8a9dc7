-- Issue #19: e-mail through a transactional outbox. Every notification that reaches a bell can also reach an inbox.
--
-- The mail is written where the bell's row is written: a trigger on notification adds one outbox row per person to
-- mail, in the same statement and therefore the same transaction as the notification. A rolled-back save leaves no
-- notification and no mail; a committed one leaves both, and the sender (org.entente.mail) sends the mail later, as
-- often as it takes. Whoever calls notify() or notify_own_tenant() (or a future writer of notification) cannot forget
-- the mail.
--
-- One row per recipient member: a notification for a whole organization (recipient_member_id null) becomes a row for
-- each ACTIVE member with an e-mail address at that moment, so that each mail is claimed, sent and retried on its own
-- (a failure for one person never re-sends to the others).
--
-- The row copies what the notification says (kind, English text, text_key and text_args as StoredText encodes them,
-- the workstream) instead of pointing at it: the bell's row may be read, and the mail still says what was said.
--
-- Sending: the sender claims due rows through claim_mail() (FOR UPDATE SKIP LOCKED, then a lease: next_attempt_at
-- moves past the time a send may take), so two app instances never claim the same row; it then reads the row AS THE
-- RECIPIENT'S TENANT (policy mail_outbox_recipient) together with the member and the workstream, so a mail carries
-- only what the recipient may see when it is sent; and it records the outcome through finish_mail() / retry_mail().
--   status  PENDING  waiting or leased (next_attempt_at: when it may be claimed, again)
--           SENT     the SMTP server took it (sent_at)
--           SKIPPED  nothing to send, on purpose: last_error says why (the recipient may no longer see the
--                    workstream, has no address, left the organization)
--           FAILED   gave up after entente.mail.max-attempts (last_error: the last failure)
--
-- Who may see or change a row (like notification, V2/V53):
--   * mail_outbox_recipient: the runtime role READS rows of the tenant it acts for, and only those. The sender uses it
--     to re-read a claimed row as the recipient's tenant; what a row says is what that tenant's bell already shows.
--     A wrong tenant sees nothing.
--   * mail_outbox_definer: the owner writes (and claims across tenants) only while the enqueue trigger or the sender
--     functions below run (app.definer_call = 'on'). The runtime role gets SELECT only: it never inserts, updates or
--     deletes a row itself, so no screen can fake, re-send or hide a mail.
-- The analytics role gets nothing.

CREATE TABLE mail_outbox (
    tenant_id            uuid        NOT NULL,
    id                   bigint      GENERATED ALWAYS AS IDENTITY,
    recipient_member_id  uuid        NOT NULL,
    notification_id      bigint,
    kind                 text        NOT NULL,
    workstream_tenant_id uuid,
    workstream_id        uuid,
    text                 text        NOT NULL,
    text_key             text,
    text_args            text[]      NOT NULL DEFAULT '{}',
    created_at           timestamptz NOT NULL DEFAULT now(),
    status               text        NOT NULL DEFAULT 'PENDING',
    attempts             integer     NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz NOT NULL DEFAULT now(),
    sent_at              timestamptz,
    last_error           text,
    CONSTRAINT mail_outbox_pk PRIMARY KEY (tenant_id, id),
    -- A member row that goes takes its unsent mails with it (nobody left to send them to), and never blocks on them.
    CONSTRAINT mail_outbox_member_fk FOREIGN KEY (tenant_id, recipient_member_id) REFERENCES member (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT mail_outbox_status_ck CHECK (status IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    CONSTRAINT mail_outbox_sent_ck CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
    CONSTRAINT mail_outbox_attempts_ck CHECK (attempts >= 0),
    CONSTRAINT mail_outbox_workstream_ck CHECK ((workstream_tenant_id IS NULL) = (workstream_id IS NULL)),
    CONSTRAINT mail_outbox_last_error_ck CHECK (last_error IS NULL OR char_length(last_error) <= 1000)
);

-- The sender's one question: which rows are due, oldest first.
CREATE INDEX mail_outbox_due_ix ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';

COMMENT ON TABLE mail_outbox IS
    'E-mails of notifications, one per recipient member, in the recipient tenant''s partition; written with the notification.';
COMMENT ON COLUMN mail_outbox.text IS 'What the notification says, in English (as notification.text).';
COMMENT ON COLUMN mail_outbox.text_key IS 'Its translation key (as notification.text_key); null: only the English text.';
COMMENT ON COLUMN mail_outbox.text_args IS 'The key''s arguments, tagged as in notification.text_args.';
COMMENT ON COLUMN mail_outbox.status IS 'PENDING (waiting or leased), SENT, SKIPPED (nothing to send, why in last_error), FAILED (gave up).';
COMMENT ON COLUMN mail_outbox.attempts IS 'How often a sender claimed it.';
COMMENT ON COLUMN mail_outbox.next_attempt_at IS 'When a sender may claim it (again): now, after a lease, or after a backoff.';

ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;

CREATE POLICY mail_outbox_recipient ON mail_outbox FOR SELECT
    USING (tenant_id = current_tenant_id());
CREATE POLICY mail_outbox_definer ON mail_outbox TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

GRANT SELECT ON mail_outbox TO ${app_role};

-- The trigger: one outbox row per person the notification reaches. Runs as the owner because the recipient's member
-- rows are in another tenant's partition (notify() writes across tenants); opens the owner-only policies only while
-- it runs, and restores what the caller had (notify() itself has app.definer_call on at this point).
CREATE FUNCTION enqueue_notification_mail() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    INSERT INTO mail_outbox (tenant_id, recipient_member_id, notification_id, kind, workstream_tenant_id, workstream_id,
                             text, text_key, text_args)
    SELECT NEW.tenant_id, m.id, NEW.id, NEW.kind, NEW.workstream_tenant_id, NEW.workstream_id,
           NEW.text, NEW.text_key, NEW.text_args
      FROM member m
     WHERE m.tenant_id = NEW.tenant_id
       AND (m.id = NEW.recipient_member_id
            OR (NEW.recipient_member_id IS NULL AND m.status = 'ACTIVE' AND nullif(btrim(m.email), '') IS NOT NULL));
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN NULL;
END
$$;

CREATE TRIGGER notification_mail AFTER INSERT ON notification
    FOR EACH ROW EXECUTE FUNCTION enqueue_notification_mail();

-- Claims up to p_limit due rows for one sender: locks them (SKIP LOCKED: rows another instance is claiming right now
-- are left to it), counts the attempt and leases them for p_lease, then commits with the caller. Another instance
-- claims a row again only once the lease has passed without an outcome (its sender died mid-send). Returns the rows'
-- keys; the sender reads the rest as the recipient's tenant.
CREATE FUNCTION claim_mail(p_limit integer, p_lease interval)
    RETURNS TABLE (tenant_id uuid, id bigint, attempts integer)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 500 OR p_lease IS NULL OR p_lease <= interval '0' THEN
        RAISE EXCEPTION 'claim_mail: limit 1..500 and a positive lease' USING ERRCODE = 'EN055';
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    RETURN QUERY
        WITH due AS (
            SELECT o.tenant_id, o.id FROM mail_outbox o
             WHERE o.status = 'PENDING' AND o.next_attempt_at <= now()
             ORDER BY o.next_attempt_at, o.id
             LIMIT p_limit
               FOR UPDATE SKIP LOCKED)
        UPDATE mail_outbox o
           SET attempts = o.attempts + 1, next_attempt_at = now() + p_lease
          FROM due
         WHERE o.tenant_id = due.tenant_id AND o.id = due.id
        RETURNING o.tenant_id, o.id, o.attempts;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

-- Records the outcome of a claimed row: SENT, SKIPPED (p_reason says why) or FAILED (gave up). Only a PENDING row
-- changes, so a late second outcome (a sender whose lease ran out) cannot overwrite the first.
CREATE FUNCTION finish_mail(p_tenant_id uuid, p_id bigint, p_status text, p_reason text) RETURNS boolean
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_count    integer;
BEGIN
    IF p_status IS NULL OR p_status NOT IN ('SENT', 'SKIPPED', 'FAILED') THEN
        RAISE EXCEPTION 'finish_mail: status SENT, SKIPPED or FAILED' USING ERRCODE = 'EN055';
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    UPDATE mail_outbox o
       SET status = p_status, sent_at = CASE WHEN p_status = 'SENT' THEN now() END,
           last_error = left(p_reason, 1000)
     WHERE o.tenant_id = p_tenant_id AND o.id = p_id AND o.status = 'PENDING';
    GET DIAGNOSTICS v_count = ROW_COUNT;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN v_count = 1;
END
$$;

-- A send failed and will be tried again after p_delay (the sender's exponential backoff); the lease ends early.
CREATE FUNCTION retry_mail(p_tenant_id uuid, p_id bigint, p_error text, p_delay interval) RETURNS boolean
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_count    integer;
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    UPDATE mail_outbox o
       SET next_attempt_at = now() + greatest(coalesce(p_delay, interval '0'), interval '0'),
           last_error = left(p_error, 1000)
     WHERE o.tenant_id = p_tenant_id AND o.id = p_id AND o.status = 'PENDING';
    GET DIAGNOSTICS v_count = ROW_COUNT;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN v_count = 1;
END
$$;

REVOKE ALL ON FUNCTION enqueue_notification_mail(), claim_mail(integer, interval),
    finish_mail(uuid, bigint, text, text), retry_mail(uuid, bigint, text, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claim_mail(integer, interval), finish_mail(uuid, bigint, text, text),
    retry_mail(uuid, bigint, text, interval) TO ${app_role};
