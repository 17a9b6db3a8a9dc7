-- Issue #19, part 1: each person decides, per kind of notification, whether it is mailed immediately, gathered in a
-- daily digest, or not mailed at all (the bell shows it either way).
--
-- mail_preference holds only the choices a person made; a kind without a row has its default (mail_delivery_default:
-- invitations and mentions immediately, the rest in the digest), so a new member or a new kind needs no row.
--
-- Who may see or change a row:
--   * mail_preference_own: the runtime role reads and writes the rows of the acting member only (tenant AND member of
--     the transaction): nobody, a tenant administrator included, reads or changes another person's choices. The
--     unsubscribe link (no sign-in) acts as the person its signed token names, so it passes the same policy.
--   * mail_preference_definer_read: the owner reads any row, only while the enqueue trigger (V55, replaced below) runs,
--     to honour the recipient's choice in another tenant's partition.
-- The analytics role gets nothing.
--
-- The outbox honours the choice when it writes the mail (the same transaction as the notification):
--   OFF        no outbox row at all;
--   IMMEDIATE  a row the sender claims at once (claim_mail, which now claims only these);
--   DIGEST     a row that waits for the daily digest (claim_digest).

CREATE TABLE mail_preference (
    tenant_id  uuid        NOT NULL,
    member_id  uuid        NOT NULL,
    kind       text        NOT NULL,
    delivery   text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mail_preference_pk PRIMARY KEY (tenant_id, member_id, kind),
    -- The choices go with the person.
    CONSTRAINT mail_preference_member_fk FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
        ON DELETE CASCADE,
    -- The kinds of notification_kind_ck (V51).
    CONSTRAINT mail_preference_kind_ck CHECK (kind IN ('INVITATION', 'MENTION', 'MILESTONE_DUE', 'MILESTONE_OVERDUE',
        'STATUS_CHANGE', 'BRIEFING_READY', 'BRIEFING_FAILED', 'MEASUREMENT_DUE')),
    CONSTRAINT mail_preference_delivery_ck CHECK (delivery IN ('IMMEDIATE', 'DIGEST', 'OFF'))
);

COMMENT ON TABLE mail_preference IS
    'How a person wants each kind of notification mailed (immediately, daily digest, off); no row: the default.';

ALTER TABLE mail_preference ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_preference FORCE ROW LEVEL SECURITY;

CREATE POLICY mail_preference_own ON mail_preference
    USING (tenant_id = current_tenant_id() AND member_id = current_member_id())
    WITH CHECK (tenant_id = current_tenant_id() AND member_id = current_member_id());
CREATE POLICY mail_preference_definer_read ON mail_preference FOR SELECT TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on');

GRANT SELECT, INSERT, UPDATE, DELETE ON mail_preference TO ${app_role};

-- The default of a kind without a row (org.entente.mail.Delivery.defaultFor says the same). Immutable: a new default is a
-- new migration. Only the enqueue trigger (as the owner) calls it.
CREATE FUNCTION mail_delivery_default(p_kind text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = public, pg_temp
AS $$ SELECT CASE WHEN p_kind IN ('INVITATION', 'MENTION') THEN 'IMMEDIATE' ELSE 'DIGEST' END $$;

-- The outbox row remembers how it is to be sent.
ALTER TABLE mail_outbox ADD COLUMN delivery text NOT NULL DEFAULT 'IMMEDIATE';
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_delivery_ck CHECK (delivery IN ('IMMEDIATE', 'DIGEST'));
COMMENT ON COLUMN mail_outbox.delivery IS 'IMMEDIATE (sent by the poller) or DIGEST (gathered in the daily digest).';

DROP INDEX mail_outbox_due_ix;
CREATE INDEX mail_outbox_due_ix ON mail_outbox (next_attempt_at) WHERE status = 'PENDING' AND delivery = 'IMMEDIATE';
CREATE INDEX mail_outbox_digest_ix ON mail_outbox (tenant_id, recipient_member_id)
    WHERE status = 'PENDING' AND delivery = 'DIGEST';

-- V55's trigger, now asking each recipient's choice for the kind: OFF writes nothing.
CREATE OR REPLACE FUNCTION enqueue_notification_mail() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    INSERT INTO mail_outbox (tenant_id, recipient_member_id, notification_id, kind, workstream_tenant_id, workstream_id,
                             text, text_key, text_args, delivery)
    SELECT NEW.tenant_id, m.id, NEW.id, NEW.kind, NEW.workstream_tenant_id, NEW.workstream_id,
           NEW.text, NEW.text_key, NEW.text_args, d.delivery
      FROM member m
      LEFT JOIN mail_preference p ON p.tenant_id = m.tenant_id AND p.member_id = m.id AND p.kind = NEW.kind
     CROSS JOIN LATERAL (SELECT coalesce(p.delivery, mail_delivery_default(NEW.kind)) AS delivery) d
     WHERE m.tenant_id = NEW.tenant_id
       AND (m.id = NEW.recipient_member_id
            OR (NEW.recipient_member_id IS NULL AND m.status = 'ACTIVE' AND nullif(btrim(m.email), '') IS NOT NULL))
       AND d.delivery <> 'OFF';
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN NULL;
END
$$;

-- V55's claim, now for immediate mails only: the digest's rows wait for claim_digest.
CREATE OR REPLACE FUNCTION claim_mail(p_limit integer, p_lease interval)
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
             WHERE o.status = 'PENDING' AND o.delivery = 'IMMEDIATE' AND o.next_attempt_at <= now()
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

-- Claims the due digest rows of up to p_recipients people, all of each person's rows at once (one mail per person),
-- leased like claim_mail: a row locked by another instance is skipped, so no row is in two digests. The digest
-- sender reads the rows as each recipient's tenant, sends one mail, and finishes every row with finish_mail.
CREATE FUNCTION claim_digest(p_recipients integer, p_lease interval)
    RETURNS TABLE (tenant_id uuid, recipient_member_id uuid, id bigint, attempts integer)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    IF p_recipients IS NULL OR p_recipients < 1 OR p_recipients > 500 OR p_lease IS NULL OR p_lease <= interval '0' THEN
        RAISE EXCEPTION 'claim_digest: 1..500 recipients and a positive lease' USING ERRCODE = 'EN055';
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    RETURN QUERY
        WITH people AS (
            SELECT DISTINCT o.tenant_id, o.recipient_member_id FROM mail_outbox o
             WHERE o.status = 'PENDING' AND o.delivery = 'DIGEST' AND o.next_attempt_at <= now()
             ORDER BY o.tenant_id, o.recipient_member_id
             LIMIT p_recipients),
        due AS (
            SELECT o.tenant_id, o.id FROM mail_outbox o
              JOIN people p ON p.tenant_id = o.tenant_id AND p.recipient_member_id = o.recipient_member_id
             WHERE o.status = 'PENDING' AND o.delivery = 'DIGEST' AND o.next_attempt_at <= now()
               FOR UPDATE OF o SKIP LOCKED)
        UPDATE mail_outbox o
           SET attempts = o.attempts + 1, next_attempt_at = now() + p_lease
          FROM due
         WHERE o.tenant_id = due.tenant_id AND o.id = due.id
        RETURNING o.tenant_id, o.recipient_member_id, o.id, o.attempts;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

REVOKE ALL ON FUNCTION claim_digest(integer, interval), mail_delivery_default(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claim_digest(integer, interval) TO ${app_role};
