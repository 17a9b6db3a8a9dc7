-- Briefings on several app instances (issue #11): which instance generates a briefing, and until when it vouches for
-- it. The briefing queue stays in each instance's memory; the instance that queued a briefing records itself
-- (worker) and a lease (lease_until, on the database clock) on the row, and renews the lease while the briefing is
-- QUEUED or RUNNING in its queue. Any instance may then tell a briefing whose instance died (lease passed) from one
-- that another live instance is still writing:
--   worker       the instance that queued the briefing (process, host and a random part), for the log and operators
--   lease_until  QUEUED/RUNNING briefings whose lease has passed, or that have none (queued before this migration),
--                are abandoned: the next list marks them FAILED, and their unfinished file in the shared briefings
--                folder may go. Meaningless once READY or FAILED.
--
-- Columns only: briefing keeps V31's row-level security (tenant_id = current_tenant_id()) for both. The runtime
-- role may set them (the request columns stay unchangeable); the analytics role gets nothing (AnalyticsRoleTest).
ALTER TABLE briefing ADD COLUMN worker text;
ALTER TABLE briefing ADD COLUMN lease_until timestamptz;
ALTER TABLE briefing ADD CONSTRAINT briefing_worker_ck CHECK (worker IS NULL OR char_length(worker) BETWEEN 1 AND 200);
ALTER TABLE briefing ADD CONSTRAINT briefing_lease_ck CHECK ((worker IS NULL) = (lease_until IS NULL));

-- Only the unfinished ones are ever looked up by lease.
CREATE INDEX briefing_unfinished_ix ON briefing (tenant_id, lease_until) WHERE status IN ('QUEUED', 'RUNNING');

GRANT UPDATE (worker, lease_until) ON briefing TO ${app_role};
