-- =============================================================================================
-- Tamper evidence for the audit trail. The append-only trigger stops the app and the owner from
-- changing events, but not a superuser or someone with the data files. So each tenant's events
-- form a hash chain: event n holds seq = n, prev_hash = the hash of event n-1, and
-- hash = sha256(prev_hash || its content). Changing, removing or inserting an event anywhere but at
-- the end breaks a link that audit_chain_breaks() reports. (Cutting events off the end leaves a
-- shorter valid chain; an exported head hash, e.g. in a briefing, would show that.)
-- =============================================================================================

ALTER TABLE audit_event
    ADD COLUMN seq       bigint,
    ADD COLUMN prev_hash bytea,
    ADD COLUMN hash      bytea;

COMMENT ON COLUMN audit_event.seq IS 'Position in the tenant''s hash chain, from 1 without gaps (set by trigger).';
COMMENT ON COLUMN audit_event.hash IS 'sha256(prev_hash || audit_event_content(row)) (set by trigger).';

-- What the hash covers: every column but the chain's own, unambiguously separated, time in UTC.
CREATE FUNCTION audit_event_content(e audit_event) RETURNS bytea
    LANGUAGE sql
    IMMUTABLE
    SET search_path = public, pg_temp
AS $$
    SELECT convert_to(
        e.tenant_id::text || chr(31) || e.seq::text || chr(31) || e.id::text || chr(31)
        || coalesce(e.actor_id::text, '-') || chr(31) || e.action || chr(31) || e.entity_type || chr(31)
        || coalesce('+' || e.entity_id, '-') || chr(31) || e.details::text || chr(31)
        || to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        'UTF8')
$$;

-- The owner reads every tenant's chain (SECURITY DEFINER functions below); the app role still sees
-- only its tenant's events through audit_event_tenant_isolation.
CREATE POLICY audit_event_definer_read ON audit_event FOR SELECT TO CURRENT_USER
    USING (true);

-- Backfill the events recorded before this migration, in the order they were recorded (as in V30:
-- the owner's forced row-level security and the append-only trigger are lifted for this step only).
ALTER TABLE audit_event NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
WITH ordered AS (
    SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY at, id) AS n
      FROM audit_event
)
UPDATE audit_event e SET seq = o.n FROM ordered o WHERE e.tenant_id = o.tenant_id AND e.id = o.id;
DO $$
DECLARE
    v_row  audit_event;
    v_prev bytea;
    v_tenant uuid;
BEGIN
    FOR v_row IN SELECT * FROM audit_event ORDER BY tenant_id, seq LOOP
        IF v_tenant IS DISTINCT FROM v_row.tenant_id THEN
            v_tenant := v_row.tenant_id;
            v_prev := NULL;
        END IF;
        v_row.prev_hash := v_prev;
        UPDATE audit_event
           SET prev_hash = v_prev,
               hash = sha256(coalesce(v_prev, '\x'::bytea) || audit_event_content(v_row))
         WHERE tenant_id = v_row.tenant_id AND id = v_row.id
        RETURNING hash INTO v_prev;
    END LOOP;
END
$$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;

ALTER TABLE audit_event
    ALTER COLUMN seq SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT audit_event_seq_uk UNIQUE (tenant_id, seq);

-- Appends the new event to its tenant's chain. One writer per tenant at a time (a transaction-level
-- advisory lock), so two concurrent events never claim the same position: the second waits for the
-- first to commit and then sees it. Any seq, prev_hash or hash the writer supplies is overwritten.
CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_seq  bigint;
    v_hash bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_event:' || NEW.tenant_id::text, 0));
    SELECT e.seq, e.hash INTO v_seq, v_hash
      FROM audit_event e
     WHERE e.tenant_id = NEW.tenant_id
     ORDER BY e.seq DESC
     LIMIT 1;
    NEW.seq := coalesce(v_seq, 0) + 1;
    NEW.prev_hash := v_hash;
    NEW.hash := sha256(coalesce(v_hash, '\x'::bytea) || audit_event_content(NEW));
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- The first broken link of each tenant's chain, or nothing if every chain is intact. Reports only
-- positions and what is wrong, never an event's content.
CREATE FUNCTION audit_chain_breaks()
    RETURNS TABLE (tenant_id uuid, seq bigint, event_id bigint, problem text)
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    WITH chain AS (
        SELECT e.tenant_id, e.seq, e.id, e.prev_hash, e.hash,
               lag(e.seq) OVER w AS previous_seq,
               lag(e.hash) OVER w AS previous_hash,
               sha256(coalesce(e.prev_hash, '\x'::bytea) || audit_event_content(e)) AS recomputed
          FROM audit_event e
        WINDOW w AS (PARTITION BY e.tenant_id ORDER BY e.seq)
    ), checked AS (
        SELECT c.tenant_id, c.seq, c.id,
               CASE
                   WHEN c.seq <> coalesce(c.previous_seq, 0) + 1 THEN 'an event before this one is missing'
                   WHEN c.prev_hash IS DISTINCT FROM c.previous_hash THEN 'does not link to the event before it'
                   WHEN c.hash IS DISTINCT FROM c.recomputed THEN 'changed after it was recorded'
               END AS problem
          FROM chain c
    )
    SELECT DISTINCT ON (c.tenant_id) c.tenant_id, c.seq, c.id, c.problem
      FROM checked c
     WHERE c.problem IS NOT NULL
     ORDER BY c.tenant_id, c.seq
$$;

-- How long each tenant's chain is (for "n events, intact").
CREATE FUNCTION audit_chain_lengths() RETURNS TABLE (tenant_id uuid, events bigint)
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT e.tenant_id, count(*) FROM audit_event e GROUP BY e.tenant_id
$$;

REVOKE ALL ON FUNCTION audit_event_content(audit_event) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_event_chain() FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_chain_breaks() FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_chain_lengths() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_chain_breaks() TO ${app_role};
GRANT EXECUTE ON FUNCTION audit_chain_lengths() TO ${app_role};
