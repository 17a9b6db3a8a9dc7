-- Personal calendar feeds (issue #21): a calendar client subscribes to /calendar/feed/{token}.ics without a session.
--
-- Only a SHA-256 hash of the token's secret is kept: whoever reads this table cannot subscribe as someone else.
-- The feed lives in its person's partition and only that person (tenant and member of the transaction) sees or
-- changes it. The app finds the partition from the token itself (its first part names the organization), then the
-- row by the hash under this policy, then reads the events AS that person: what the feed holds is decided again at
-- every request. A feed unused for 90 days (last_used_at, or created_at if never used) is refused by the app.

CREATE TABLE calendar_feed (
    tenant_id    uuid        NOT NULL DEFAULT current_tenant_id(),
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    member_id    uuid        NOT NULL DEFAULT current_member_id(),
    token_hash   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT calendar_feed_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT calendar_feed_member_fk FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT calendar_feed_token_hash_ck CHECK (token_hash ~ '^[0-9a-f]{64}$')
);

CREATE UNIQUE INDEX calendar_feed_token_hash_uk ON calendar_feed (tenant_id, token_hash);
-- At most one live feed per person: regenerating revokes the old one first.
CREATE UNIQUE INDEX calendar_feed_live_uk ON calendar_feed (tenant_id, member_id) WHERE revoked_at IS NULL;

COMMENT ON TABLE calendar_feed IS
    'A person''s iCalendar feed: the SHA-256 of its secret token, when it was made, last used and revoked.';

ALTER TABLE calendar_feed ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_feed FORCE ROW LEVEL SECURITY;

CREATE POLICY calendar_feed_own ON calendar_feed
    USING (tenant_id = current_tenant_id() AND member_id = current_member_id())
    WITH CHECK (tenant_id = current_tenant_id() AND member_id = current_member_id());

GRANT SELECT, INSERT ON calendar_feed TO ${app_role};
GRANT UPDATE (last_used_at, revoked_at) ON calendar_feed TO ${app_role};
