-- Entente on Citus: distribute the transactional tables by tenant (issue #11, part 3).
--
-- NOT RUN AGAINST CITUS HERE: the development machines have no Citus (apt has none, and no Docker).
-- What is proven here is what can be proven without it (db module, CitusPathTest): this script runs
-- against the migrated schema with stand-ins for the Citus functions that record every call, and the test
-- checks that every tenant-owned table is distributed by tenant_id in one co-location group, every other
-- table is a reference table or stays on the coordinator, every foreign key is one Citus accepts, no policy
-- keeps a subquery (Citus refuses those on distributed tables), and the rewritten policies still isolate
-- tenants. See README "Scaling out" for what is left before a real cluster.
--
-- Run it once, as a superuser on the coordinator, after the Flyway migrations and before any data:
--     CREATE EXTENSION citus;   -- and citus_add_node(...) for each worker
--     \i deploy/citus.sql
-- New migrations that add a tenant-owned table add a create_distributed_table line here (CitusPathTest fails
-- until they do).

BEGIN;

-- The tenant is set per transaction. Citus forwards SET LOCAL of custom settings to the workers only when told
-- to, and never forwards set_config(); TenantTransactionManager therefore sets the tenant with SET LOCAL. Without
-- the forwarding the workers would see no tenant and return nothing: the policies fail closed, never open.
DO $$
BEGIN
    EXECUTE format('ALTER ROLE entente_app IN DATABASE %I SET citus.propagate_set_commands = %L',
                   current_database(), 'local');
END
$$;

-- Triggers on distributed tables (keys, audience, audit chain, dates) are created on every shard. Several read
-- another table of the same tenant; co-location keeps that on one node, but Citus cannot prove it, hence "unsafe".
SET LOCAL citus.enable_unsafe_triggers = on;

-- scheduled_job_lock (which app instance runs a scheduled job) and flyway_schema_history stay on the coordinator,
-- where every app instance connects.

-- Reference tables: replicated to every node, so a foreign key from any shard to them is local.
SELECT create_reference_table('tenant');          -- every tenant-owned row points to its tenant
SELECT create_reference_table('valuation_rate');  -- shared rates, read by every tenant, written by migrations

-- Distributed tables: one co-location group, hashed on tenant_id, so a workstream, its participants and every
-- row under it live on the same node and joins on (tenant_id, ...) never leave it. The order follows the
-- foreign keys (a referenced table is distributed first).
SELECT create_distributed_table('member', 'tenant_id');
SELECT create_distributed_table('audit_event', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('workstream', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('participation', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('initiative', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('objective', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('rnd_project', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('work_package', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('deliverable', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('engagement', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('contribution', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('milestone', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('comment', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('comment_mention', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('attachment', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('activity', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('notification', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('contribution_access', 'tenant_id', colocate_with => 'member');
-- Issue #19 (V55): a mail lives with its recipient, like the notification it was written with.
SELECT create_distributed_table('mail_outbox', 'tenant_id', colocate_with => 'member');
-- Issue #19 (V56): a person's mail preferences live with their member row.
SELECT create_distributed_table('mail_preference', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('briefing_subscription', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('briefing', 'tenant_id', colocate_with => 'member');
-- Issue #16 (V50): each in the partition of the organization it belongs to. publication_consent lives with its
-- GRANTOR; its grantee reads it through publication_consent_grantee_read, a test on a column of the row itself, so
-- that is a query over every shard with no subquery. consent_use lives with the grantor too (its access ledger).
SELECT create_distributed_table('publication_consent', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('publication_consent_change', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('consent_use', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('tenant_capacity', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('burden_guideline', 'tenant_id', colocate_with => 'member');
-- Issue #17 (V51): the results chain lives in the workstream owner's partition, like its objectives (renamed from
-- initiative_objective above). Every foreign key between them starts with tenant_id; the responsible organization,
-- partner and assessor point to the reference table tenant.
SELECT create_distributed_table('indicator', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('measurement', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('measurement_correction', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('assessment', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('assessment_rating', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('assessment_recommendation', 'tenant_id', colocate_with => 'member');
-- Issue #21 (V67-V69): events and their registrations and feedback live in the workstream lead's partition, like
-- milestones; a calendar feed with its person's member row.
SELECT create_distributed_table('event', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('event_registration', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('event_feedback', 'tenant_id', colocate_with => 'member');
SELECT create_distributed_table('calendar_feed', 'tenant_id', colocate_with => 'member');

-- Policies without subqueries. Citus refuses a policy whose expression holds a subquery on a distributed table
-- ("Subqueries are not supported in policies on distributed tables"). Two kinds exist:
--   * (SELECT current_tenant_id()): written so for PostgreSQL's planner (one InitPlan instead of a call per row);
--     the plain call means the same (the function is STABLE).
--   * comment_mention's EXISTS over comment: the same test, as a SECURITY INVOKER function (comment's own policy
--     still applies inside it, exactly as it did inside the subquery).
--     p_own: the comment must also be written by the current tenant (insert and delete ask that; select does not).
CREATE FUNCTION comment_mention_visible(p_tenant_id uuid, p_workstream_id uuid, p_comment_id uuid, p_own boolean)
    RETURNS boolean
    LANGUAGE sql STABLE SECURITY INVOKER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM comment c
                    WHERE c.tenant_id = p_tenant_id AND c.workstream_id = p_workstream_id AND c.id = p_comment_id
                      AND (NOT p_own OR c.author_tenant_id = current_tenant_id()))
$$;
REVOKE ALL ON FUNCTION comment_mention_visible(uuid, uuid, uuid, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION comment_mention_visible(uuid, uuid, uuid, boolean) TO entente_app;

ALTER POLICY workstream_select ON workstream
    USING (tenant_id = current_tenant_id() OR current_tenant_id() = ANY (audience));
ALTER POLICY comment_mention_select ON comment_mention
    USING (comment_mention_visible(tenant_id, workstream_id, comment_id, false));
ALTER POLICY comment_mention_insert ON comment_mention
    WITH CHECK (is_accepted_participant(tenant_id, workstream_id)
                AND comment_mention_visible(tenant_id, workstream_id, comment_id, true));
ALTER POLICY comment_mention_delete ON comment_mention
    USING (comment_mention_visible(tenant_id, workstream_id, comment_id, true));

COMMIT;

-- Left for a real cluster (README "Scaling out"): the policies that call can_see_workstream, is_accepted_participant,
-- can_see_item or comment_mention_visible, and V51's indicator_visible, may_measure and assessment_visible (written as
-- functions so that the policies of measurement, measurement_correction, assessment_rating and
-- assessment_recommendation hold no subquery), read another table from inside a query on a shard. Citus refuses a
-- distributed query nested in a shard query (citus.allow_nested_distributed_execution is off, and on it is unsafe),
-- so those checks must become row-local first, as V41 did for workstream (an audience column kept by triggers).
--
-- Also left: the SECURITY DEFINER functions open their owner-only policies with set_config('app.definer_call', 'on',
-- true), which Citus does not forward to the workers (see the top of this script), so on shards those policies stay
-- closed and the functions see and write nothing there (closed, not open). That holds for the functions of V2, V20
-- and V31 and for V50's: record_consent_use (writes consent_use in each grantor's shard, one grantor per statement),
-- coordinator_organizations (reads member: an uncorrelated IN, which Citus plans) and the platform_*_tenant_capacity
-- functions (tenant_capacity). Before a real cluster they must carry the flag as SET LOCAL (forwarded) or run as a
-- role with its own policies. V50's trigger publication_consent_change_in_turn reads the grantor's own history (same
-- shard) and takes an advisory lock on the node that holds it; like the other triggers that read a table it runs
-- only under citus.enable_unsafe_triggers and needs the same look on a real cluster. So do V51's triggers: the release
-- and measurement checks read the workstream, participation and indicator of the same tenant (same shard group), and
-- measurement_keep_replaced writes measurement_correction under its own app.definer_call value 'measurement', set
-- with set_config inside the trigger: on a worker that write is a statement issued from a shard, which needs the
-- same look as the definer functions above.
