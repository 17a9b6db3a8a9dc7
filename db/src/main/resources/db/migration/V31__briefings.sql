-- Excel briefings (issue #8): a coordinator's workbooks and subscriptions, and the bell's briefing
-- notifications.
--
-- briefing: one row per requested workbook, in the partition of the organization whose coordinator
-- asked for it (the workbook holds what that organization may see, and the federation's figures under
-- disclosure control). The file itself lives outside the database, under the app's data directory
-- (briefings/<tenant id>/<briefing id>.xlsx), written to a temporary file and moved there only once it is
-- complete: a row is READY exactly when its file was written (file_name and size_bytes set). A failed
-- generation is FAILED with the reason people read (failure), and has no file.
--   status  QUEUED   asked for, waiting for the requester's earlier briefing or a free worker
--           RUNNING  being written
--           READY    the file can be downloaded
--           FAILED   nothing to download; failure says why
--   scope   year_from / year_to / region / partner_kind: the Analytics page's filters; null = all
--
-- briefing_subscription: a coordinator's standing request for a briefing WEEKLY or MONTHLY; the app's
-- schedule generates it into the same list (briefing.subscription_id) as its subscriber whenever
-- next_run_at has passed, and moves next_run_at on in the same transaction.
--
-- Both tables follow V1's rules (tenant_id first in every key, named constraints, row-level security
-- ENABLED and FORCED on app.tenant_id). Nothing is granted to the analytics role: briefings are not
-- part of the snapshot (AnalyticsRoleTest pins its columns).
--
-- Cross-tenant access, as in V2/V20, only inside SECURITY DEFINER functions:
--   briefing_subscriptions_due(at)  which subscriptions of ACTIVE tenants are due (ids only), for the
--                                   schedule, which then reads each one as its subscriber under RLS
--   notify_own_tenant(member, kind, text)
--                                   a notification without a workstream in the CALLER's own partition
--                                   (briefing kinds only); notify() needs a workstream, and the runtime
--                                   role has no INSERT on notification
--
-- Errors raised on purpose (SQLSTATE class EN, see V1/V2/V20 for the others):
--   EN050  notify_own_tenant refused (no tenant, a kind it does not send, or a member of another tenant)

-- =============================================================================================
-- briefing_subscription
-- =============================================================================================
CREATE TABLE briefing_subscription (
    tenant_id       uuid        NOT NULL DEFAULT current_tenant_id(),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    kind            text        NOT NULL,
    frequency       text        NOT NULL,
    year_from       integer,
    year_to         integer,
    region          text,
    partner_kind    text,
    subscriber_id   uuid        NOT NULL,
    subscriber_name text        NOT NULL,
    next_run_at     timestamptz NOT NULL,
    last_run_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT briefing_subscription_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT briefing_subscription_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT briefing_subscription_subscriber_fk FOREIGN KEY (tenant_id, subscriber_id)
        REFERENCES member (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT briefing_subscription_uk UNIQUE NULLS NOT DISTINCT
        (tenant_id, subscriber_id, kind, frequency, year_from, year_to, region, partner_kind),
    CONSTRAINT briefing_subscription_kind_ck CHECK (kind IN ('BURDEN_SHARING', 'PORTFOLIO_REVIEW', 'RND_STATUS',
                                                             'ENGAGEMENT_RISK', 'FULL')),
    CONSTRAINT briefing_subscription_frequency_ck CHECK (frequency IN ('WEEKLY', 'MONTHLY')),
    CONSTRAINT briefing_subscription_years_ck CHECK (
        (year_from IS NULL OR year_from BETWEEN 2000 AND 2100) AND (year_to IS NULL OR year_to BETWEEN 2000 AND 2100)
        AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)),
    CONSTRAINT briefing_subscription_region_ck CHECK (region IS NULL OR (char_length(region) BETWEEN 1 AND 200
                                                                        AND btrim(region) <> '')),
    CONSTRAINT briefing_subscription_partner_kind_ck CHECK (partner_kind IS NULL OR partner_kind IN (
        'STATE', 'ALLIANCE', 'IGO', 'NGO', 'PRIVATE_SECURITY', 'CORPORATION', 'ACADEMIA')),
    CONSTRAINT briefing_subscription_subscriber_name_ck CHECK (char_length(subscriber_name) BETWEEN 1 AND 200
                                                               AND btrim(subscriber_name) <> '')
);

CREATE INDEX briefing_subscription_due_ix ON briefing_subscription (next_run_at);

COMMENT ON TABLE briefing_subscription IS
    'A coordinator''s standing request for a briefing, generated WEEKLY or MONTHLY as the subscriber.';

ALTER TABLE briefing_subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE briefing_subscription FORCE ROW LEVEL SECURITY;

CREATE POLICY briefing_subscription_tenant_isolation ON briefing_subscription
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- For briefing_subscriptions_due() only (owner, while it runs).
CREATE POLICY briefing_subscription_definer_read ON briefing_subscription FOR SELECT TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on');

GRANT SELECT, INSERT, DELETE ON briefing_subscription TO ${app_role};
GRANT UPDATE (next_run_at, last_run_at) ON briefing_subscription TO ${app_role};

-- =============================================================================================
-- briefing
-- =============================================================================================
CREATE TABLE briefing (
    tenant_id         uuid        NOT NULL DEFAULT current_tenant_id(),
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    kind              text        NOT NULL,
    year_from         integer,
    year_to           integer,
    region            text,
    partner_kind      text,
    requested_by      uuid,
    requested_by_name text        NOT NULL,
    subscription_id   uuid,
    status            text        NOT NULL DEFAULT 'QUEUED',
    failure           text,
    file_name         text,
    size_bytes        bigint,
    marking           text,
    snapshot_taken_at timestamptz,
    detail_rows       bigint,
    requested_at      timestamptz NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    CONSTRAINT briefing_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT briefing_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    -- The name stays when the member row goes.
    CONSTRAINT briefing_requested_by_fk FOREIGN KEY (tenant_id, requested_by)
        REFERENCES member (tenant_id, id) ON DELETE SET NULL (requested_by),
    CONSTRAINT briefing_subscription_fk FOREIGN KEY (tenant_id, subscription_id)
        REFERENCES briefing_subscription (tenant_id, id) ON DELETE SET NULL (subscription_id),
    CONSTRAINT briefing_kind_ck CHECK (kind IN ('BURDEN_SHARING', 'PORTFOLIO_REVIEW', 'RND_STATUS', 'ENGAGEMENT_RISK',
                                                'FULL')),
    CONSTRAINT briefing_years_ck CHECK (
        (year_from IS NULL OR year_from BETWEEN 2000 AND 2100) AND (year_to IS NULL OR year_to BETWEEN 2000 AND 2100)
        AND (year_from IS NULL OR year_to IS NULL OR year_from <= year_to)),
    CONSTRAINT briefing_region_ck CHECK (region IS NULL OR (char_length(region) BETWEEN 1 AND 200 AND btrim(region) <> '')),
    CONSTRAINT briefing_partner_kind_ck CHECK (partner_kind IS NULL OR partner_kind IN (
        'STATE', 'ALLIANCE', 'IGO', 'NGO', 'PRIVATE_SECURITY', 'CORPORATION', 'ACADEMIA')),
    CONSTRAINT briefing_requested_by_name_ck CHECK (char_length(requested_by_name) BETWEEN 1 AND 200
                                                    AND btrim(requested_by_name) <> ''),
    CONSTRAINT briefing_status_ck CHECK (status IN ('QUEUED', 'RUNNING', 'READY', 'FAILED')),
    -- READY exactly when the file was written; a READY briefing says which snapshot it shows.
    CONSTRAINT briefing_file_ck CHECK ((status = 'READY') = (file_name IS NOT NULL)
                                       AND (file_name IS NULL) = (size_bytes IS NULL)
                                       AND (status <> 'READY' OR snapshot_taken_at IS NOT NULL)),
    CONSTRAINT briefing_file_name_ck CHECK (file_name IS NULL
                                            OR file_name ~ '^entente-[a-z0-9]+(-[a-z0-9]+)*-[0-9]{4}-[0-9]{2}-[0-9]{2}\.xlsx$'),
    CONSTRAINT briefing_size_ck CHECK (size_bytes IS NULL OR size_bytes > 0),
    CONSTRAINT briefing_detail_rows_ck CHECK (detail_rows IS NULL OR detail_rows >= 0),
    -- FAILED exactly when there is a reason to tell.
    CONSTRAINT briefing_failure_ck CHECK ((status = 'FAILED') = (failure IS NOT NULL)
                                          AND (failure IS NULL OR (char_length(failure) BETWEEN 1 AND 2000
                                                                   AND btrim(failure) <> ''))),
    CONSTRAINT briefing_finished_ck CHECK ((status IN ('READY', 'FAILED')) = (finished_at IS NOT NULL)),
    CONSTRAINT briefing_started_ck CHECK (status <> 'RUNNING' OR started_at IS NOT NULL)
);

CREATE INDEX briefing_requested_at_ix ON briefing (tenant_id, requested_at DESC);
CREATE INDEX briefing_subscription_ix ON briefing (tenant_id, subscription_id) WHERE subscription_id IS NOT NULL;

COMMENT ON TABLE briefing IS
    'An Excel briefing of a coordinator''s organization; READY = its file is under the data directory.';

ALTER TABLE briefing ENABLE ROW LEVEL SECURITY;
ALTER TABLE briefing FORCE ROW LEVEL SECURITY;

CREATE POLICY briefing_tenant_isolation ON briefing
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Rows stay (who generated what, and when); only the outcome columns change.
GRANT SELECT, INSERT ON briefing TO ${app_role};
GRANT UPDATE (status, failure, file_name, size_bytes, marking, snapshot_taken_at, detail_rows, started_at, finished_at)
    ON briefing TO ${app_role};

-- =============================================================================================
-- Notifications about briefings: no workstream, in the requester's own partition.
-- =============================================================================================
ALTER TABLE notification DROP CONSTRAINT notification_kind_ck;
ALTER TABLE notification ADD CONSTRAINT notification_kind_ck CHECK (kind IN (
    'INVITATION', 'MENTION', 'MILESTONE_DUE', 'MILESTONE_OVERDUE', 'STATUS_CHANGE', 'BRIEFING_READY', 'BRIEFING_FAILED'));
ALTER TABLE notification ADD CONSTRAINT notification_briefing_ck CHECK (
    kind NOT IN ('BRIEFING_READY', 'BRIEFING_FAILED') OR workstream_id IS NULL);

-- A notification of the caller's own organization (or one of its members) that is about no workstream.
-- Runs as the owner only because the runtime role has no INSERT on notification; the owner is subject to
-- notification_recipient and member_tenant_isolation like everybody, so it writes and reads nothing but
-- the caller's own partition. Returns the notification id.
CREATE FUNCTION notify_own_tenant(p_recipient_member_id uuid, p_kind text, p_text text) RETURNS bigint
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
    INSERT INTO notification (tenant_id, recipient_member_id, kind, text)
    VALUES (current_tenant_id(), p_recipient_member_id, p_kind, p_text)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- =============================================================================================
-- The schedule's view of due subscriptions: ids only, of ACTIVE tenants.
-- =============================================================================================
CREATE FUNCTION briefing_subscriptions_due(p_at timestamptz)
    RETURNS TABLE (tenant_id uuid, subscription_id uuid, subscriber_id uuid)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    RETURN QUERY
        SELECT s.tenant_id, s.id, s.subscriber_id
          FROM briefing_subscription s
          JOIN tenant t ON t.id = s.tenant_id AND t.status = 'ACTIVE'
         WHERE s.next_run_at <= p_at
         ORDER BY s.next_run_at, s.tenant_id, s.id;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

REVOKE ALL ON FUNCTION notify_own_tenant(uuid, text, text), briefing_subscriptions_due(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notify_own_tenant(uuid, text, text), briefing_subscriptions_due(timestamptz) TO ${app_role};
