-- Scheduled jobs on several app instances (issue #11): the reconciliation, the analytics snapshot refresh and
-- the briefing subscriptions run on one instance per schedule period, not on every instance.
--
-- scheduled_job_lock: one row per job. An instance runs a job only if it can move locked_until from the past to
-- the future (INSERT ... ON CONFLICT DO UPDATE ... WHERE locked_until <= now(): PostgreSQL serializes the
-- competitors on the row, so exactly one wins). While running, locked_until is the "at most" bound (an instance
-- that dies mid-run frees the job after it); at the end it becomes locked_at + the job's period, so the other
-- instances, whose schedules fire at other moments, skip the rest of that period (ShedLock's lockAtLeastFor).
--   runs       how many times the job was started, on any instance
--   locked_by  the instance (and run) that last took it
--
-- Who may see it: it holds no tenant data (job names, times, instance names), so no tenant_id and no row-level
-- security. The runtime role reads and writes it (only the columns it moves); the analytics role gets nothing
-- (AnalyticsRoleTest pins its columns).
CREATE TABLE scheduled_job_lock (
    job          text        NOT NULL,
    locked_until timestamptz NOT NULL,
    locked_at    timestamptz NOT NULL,
    locked_by    text        NOT NULL,
    runs         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT scheduled_job_lock_pk PRIMARY KEY (job),
    CONSTRAINT scheduled_job_lock_job_named CHECK (length(job) BETWEEN 1 AND 100)
);

GRANT SELECT, INSERT ON scheduled_job_lock TO ${app_role};
GRANT UPDATE (locked_until, locked_at, locked_by, runs) ON scheduled_job_lock TO ${app_role};
