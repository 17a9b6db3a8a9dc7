-- Collaboration core: workstreams (shared initiatives, joint R&D projects, non-state partner
-- engagements), their participants, contributions, milestones, discussion, attachments, activity
-- feed, notifications and the contribution access ledger.
--
-- Partitioning (V1's rule): every row that belongs to a workstream lives in the partition of the
-- workstream's owner (lead) tenant, tenant_id = workstream owner, first in every PK and in every FK
-- to another tenant-owned table. Who authored or contributed a row is a separate column
-- (contributor_tenant_id, author_tenant_id, owner_tenant_id, actor_tenant_id, item_tenant_id).
-- Two tables are partitioned by another tenant on purpose: notification (by recipient) and
-- contribution_access (by contributing tenant); they reference workstreams across partitions and
-- therefore carry no foreign key to workstream.
--
-- Releasability (text) of a workstream or an item inside it:
--   PRIVATE       only the item's own tenant
--   PARTICIPANTS  every tenant with ACCEPTED participation (INVITED too, for the workstream row)
--   REL_TO        the item's own tenant plus the tenants in rel_to (which must be participants)
--   ALL_PARTNERS  inside a workstream the same audience as PARTICIPANTS; cross-tenant analytics may
--                 aggregate such items later.
--
-- Visibility is decided in ONE place, workstream_access(viewer, tenant, workstream), wrapped by the
-- functions the policies and the app call, always for the CURRENT tenant (app.tenant_id):
--   can_see_workstream(tenant_id, workstream_id)      owner, or INVITED/ACCEPTED participant in the
--                                                     workstream's audience
--   is_accepted_participant(tenant_id, workstream_id) owner, or ACCEPTED participant in the audience
--                                                     (guards details, milestones and writes)
--   can_see_item(tenant_id, workstream_id, item_tenant_id, releasability, rel_to)
--                                                     the item's own tenant, or an accepted
--                                                     participant the item is released to
-- Every row in tenant T's partition is T's own: for the owner the functions answer true without a
-- lookup (this also lets INSERT ... RETURNING see the row being inserted).
--
-- The visibility functions are SECURITY DEFINER (the owner) so that reading workstream and
-- participation does not recurse into those tables' own policies. Row-level security is FORCED, so
-- the owner needs policies of its own: workstream and participation get an owner-only SELECT policy
-- USING (true), which PostgreSQL folds with the other permissive policies into "true" before any
-- function is called; tenant, member, notification and contribution_access get owner-only policies
-- that hold only while a definer function has set app.definer_call = 'on' (set at its start,
-- restored before it returns, rolled back with it on error; like V1's provision_tenant). None of
-- these policies applies to ${app_role}: setting app.definer_call in the app's session opens nothing.
--
-- Errors raised on purpose (SQLSTATE class EN, see V1 for EN001-EN002):
--   EN010  workstream lifecycle: transition not allowed
--   EN011  an ENGAGEMENT becomes ACTIVE only when its engagement is vetted CLEARED
--   EN012  participation: status change not allowed for this tenant
--   EN013  participation: the lead (owner) row cannot change
--   EN014  work package lead / milestone owner must be the owner or an ACCEPTED participant
--   EN015  engagement party must be a non-state tenant (NGO, PRIVATE_SECURITY, CORPORATION, ACADEMIA)
--   EN016  kind detail row does not match the workstream's kind
--   EN017  rel_to lists a tenant that is neither the owner nor an INVITED/ACCEPTED participant
--   EN018  a key or authorship column cannot be changed
--   EN020  mention of a member whose tenant is not the owner or an ACCEPTED participant
--   EN021  mention of a member whose tenant cannot read the comment
--   EN030  notify refused (caller cannot see the workstream, or recipient is not in it)
--   EN031  record_contribution_access: unknown action
-- Unknown valuation units are rejected as foreign-key violations (23503, contribution_unit_fk).

-- =============================================================================================
-- Context and visibility functions
-- =============================================================================================

CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION current_member_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

COMMENT ON FUNCTION current_tenant_id() IS 'The transaction''s tenant (app.tenant_id), or null.';
COMMENT ON FUNCTION current_member_id() IS 'The transaction''s acting member (app.user_id), or null.';

-- The audience rule alone, without participation: may p_viewer read an item held by p_holder?
CREATE FUNCTION releasable_to(p_viewer uuid, p_holder uuid, p_releasability text, p_rel_to uuid[])
    RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT p_viewer IS NOT NULL AND (p_viewer = p_holder OR CASE p_releasability
        WHEN 'PARTICIPANTS' THEN true
        WHEN 'ALL_PARTNERS' THEN true
        WHEN 'REL_TO' THEN p_viewer = ANY (p_rel_to)
        ELSE false END)
$$;

-- The tables these functions read are created below; function bodies are checked at call time.
SET LOCAL check_function_bodies = off;

-- The one visibility mechanism: how p_viewer takes part in workstream (p_tenant_id, p_workstream_id).
-- 'OWNER', 'ACCEPTED' or 'INVITED' (only if the workstream's releasability admits the viewer), or
-- null. Internal: not executable by the app role.
CREATE FUNCTION workstream_access(p_viewer uuid, p_tenant_id uuid, p_workstream_id uuid) RETURNS text
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT CASE
        WHEN p_viewer IS NULL OR p_tenant_id IS NULL OR p_workstream_id IS NULL THEN NULL
        WHEN p_viewer = p_tenant_id THEN 'OWNER'
        ELSE (SELECT p.status
                FROM workstream w
                JOIN participation p ON p.tenant_id = w.tenant_id AND p.workstream_id = w.id
               WHERE w.tenant_id = p_tenant_id AND w.id = p_workstream_id
                 AND p.participant_tenant_id = p_viewer
                 AND p.status IN ('INVITED', 'ACCEPTED')
                 AND releasable_to(p_viewer, w.tenant_id, w.releasability, w.rel_to))
    END
$$;

CREATE FUNCTION can_see_workstream(p_tenant_id uuid, p_workstream_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$ SELECT workstream_access(current_tenant_id(), p_tenant_id, p_workstream_id) IS NOT NULL $$;

CREATE FUNCTION is_accepted_participant(p_tenant_id uuid, p_workstream_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$ SELECT coalesce(workstream_access(current_tenant_id(), p_tenant_id, p_workstream_id) IN ('OWNER', 'ACCEPTED'), false) $$;

CREATE FUNCTION can_see_item(p_tenant_id uuid, p_workstream_id uuid, p_item_tenant_id uuid,
                             p_releasability text, p_rel_to uuid[]) RETURNS boolean
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT CASE
        WHEN current_tenant_id() IS NULL THEN false
        WHEN p_item_tenant_id = current_tenant_id() THEN true
        ELSE releasable_to(current_tenant_id(), p_item_tenant_id, p_releasability, p_rel_to)
             AND is_accepted_participant(p_tenant_id, p_workstream_id)
    END
$$;

COMMENT ON FUNCTION can_see_workstream(uuid, uuid) IS
    'May the current tenant see this workstream: owner, or INVITED/ACCEPTED participant admitted by its releasability.';
COMMENT ON FUNCTION is_accepted_participant(uuid, uuid) IS
    'Is the current tenant the owner or an ACCEPTED participant (admitted by the workstream''s releasability).';
COMMENT ON FUNCTION can_see_item(uuid, uuid, uuid, text, uuid[]) IS
    'May the current tenant see an item: its own tenant, or an accepted participant the item is released to.';

-- Raw participation status of p_participant (the owner has its LEAD row, ACCEPTED). Internal.
CREATE FUNCTION participation_status(p_tenant_id uuid, p_workstream_id uuid, p_participant uuid) RETURNS text
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT p.status FROM participation p
     WHERE p.tenant_id = p_tenant_id AND p.workstream_id = p_workstream_id
       AND p.participant_tenant_id = p_participant
$$;

-- =============================================================================================
-- Generic row triggers
-- =============================================================================================

CREATE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- Key and authorship columns (trigger arguments) stay as inserted: moving a row to another
-- workstream or another author would bypass the checks made at insert time.
CREATE FUNCTION reject_key_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_column  text;
    v_changed boolean;
BEGIN
    FOREACH v_column IN ARRAY TG_ARGV LOOP
        EXECUTE format('SELECT ($1).%1$I IS DISTINCT FROM ($2).%1$I', v_column) INTO v_changed USING OLD, NEW;
        IF v_changed THEN
            RAISE EXCEPTION '%.% cannot be changed', TG_TABLE_NAME, v_column
                USING ERRCODE = 'EN018', TABLE = TG_TABLE_NAME, COLUMN = v_column;
        END IF;
    END LOOP;
    RETURN NEW;
END
$$;

-- rel_to may name only the owner and INVITED/ACCEPTED participants of the item's workstream.
CREATE FUNCTION check_rel_to() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_outsiders uuid[];
BEGIN
    IF cardinality(NEW.rel_to) > 0 AND (TG_OP = 'INSERT' OR NEW.rel_to IS DISTINCT FROM OLD.rel_to) THEN
        SELECT array_agg(r) INTO v_outsiders
          FROM unnest(NEW.rel_to) AS r
         WHERE r <> NEW.tenant_id
           AND coalesce(participation_status(NEW.tenant_id, NEW.workstream_id, r), '') NOT IN ('INVITED', 'ACCEPTED');
        IF v_outsiders IS NOT NULL THEN
            RAISE EXCEPTION '%.rel_to names tenants outside the workstream: %', TG_TABLE_NAME, v_outsiders
                USING ERRCODE = 'EN017', TABLE = TG_TABLE_NAME, COLUMN = 'rel_to',
                      HINT = 'Release an item only to the owner and invited or accepted participants.';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

-- The tenant in column TG_ARGV[0] must be the owner or an ACCEPTED participant.
CREATE FUNCTION check_accepted_participant() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_tenant uuid;
BEGIN
    EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) INTO v_tenant USING NEW;
    IF v_tenant IS NOT NULL
       AND coalesce(participation_status(NEW.tenant_id, NEW.workstream_id, v_tenant), '') <> 'ACCEPTED' THEN
        RAISE EXCEPTION '%.%: tenant % is not an accepted participant of the workstream', TG_TABLE_NAME, TG_ARGV[0], v_tenant
            USING ERRCODE = 'EN014', TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0];
    END IF;
    RETURN NEW;
END
$$;

-- =============================================================================================
-- workstream
-- =============================================================================================
CREATE TABLE workstream (
    tenant_id     uuid        NOT NULL DEFAULT current_tenant_id(),
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    kind          text        NOT NULL,
    title         text        NOT NULL,
    description   text        NOT NULL DEFAULT '',
    status        text        NOT NULL DEFAULT 'PROPOSED',
    releasability text        NOT NULL DEFAULT 'PARTICIPANTS',
    rel_to        uuid[]      NOT NULL DEFAULT '{}',
    region        text,
    start_date    date,
    end_date      date,
    created_by    uuid                 DEFAULT current_member_id(),
    version       integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    search        tsvector GENERATED ALWAYS AS
                      (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, ''))) STORED,
    CONSTRAINT workstream_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT workstream_id_uk UNIQUE (id),
    CONSTRAINT workstream_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT workstream_kind_ck CHECK (kind IN ('INITIATIVE', 'RND_PROJECT', 'ENGAGEMENT')),
    CONSTRAINT workstream_title_ck CHECK (char_length(title) BETWEEN 1 AND 200 AND btrim(title) <> ''),
    CONSTRAINT workstream_description_ck CHECK (char_length(description) <= 10000),
    CONSTRAINT workstream_status_ck CHECK (status IN ('PROPOSED', 'APPROVED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT workstream_releasability_ck CHECK (releasability IN ('PRIVATE', 'PARTICIPANTS', 'REL_TO', 'ALL_PARTNERS')),
    CONSTRAINT workstream_rel_to_ck CHECK ((releasability = 'REL_TO') = (cardinality(rel_to) > 0)),
    CONSTRAINT workstream_rel_to_nulls_ck CHECK (array_position(rel_to, NULL) IS NULL),
    CONSTRAINT workstream_dates_ck CHECK (end_date >= start_date),
    CONSTRAINT workstream_version_ck CHECK (version >= 0)
);

CREATE INDEX workstream_search_ix ON workstream USING gin (search);

COMMENT ON TABLE workstream IS 'A shared initiative, joint R&D project or partner engagement, owned by its lead tenant.';

-- Lifecycle: PROPOSED -> APPROVED -> ACTIVE -> COMPLETED; PROPOSED/APPROVED/ACTIVE -> CANCELLED.
-- A new workstream may start in any status, except that an ENGAGEMENT cannot start ACTIVE or
-- COMPLETED: its vetting (engagement row) does not exist yet.
CREATE FUNCTION workstream_check_lifecycle() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_vetting text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.kind = 'ENGAGEMENT' AND NEW.status IN ('ACTIVE', 'COMPLETED') THEN
            RAISE EXCEPTION 'a new engagement cannot start %: it must be vetted CLEARED first', NEW.status
                USING ERRCODE = 'EN011', HINT = 'Create it PROPOSED or APPROVED, add its engagement row, clear vetting, then activate.';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF (OLD.status, NEW.status) NOT IN (('PROPOSED', 'APPROVED'), ('APPROVED', 'ACTIVE'), ('ACTIVE', 'COMPLETED'),
                                         ('PROPOSED', 'CANCELLED'), ('APPROVED', 'CANCELLED'), ('ACTIVE', 'CANCELLED')) THEN
        RAISE EXCEPTION 'workstream cannot move from % to %', OLD.status, NEW.status
            USING ERRCODE = 'EN010',
                  HINT = 'Allowed: PROPOSED to APPROVED to ACTIVE to COMPLETED, and PROPOSED, APPROVED or ACTIVE to CANCELLED.';
    END IF;
    IF NEW.kind = 'ENGAGEMENT' AND NEW.status = 'ACTIVE' THEN
        SELECT e.vetting_status INTO v_vetting FROM engagement e
         WHERE e.tenant_id = NEW.tenant_id AND e.workstream_id = NEW.id;
        IF v_vetting IS DISTINCT FROM 'CLEARED' THEN
            RAISE EXCEPTION 'engagement cannot become ACTIVE: vetting status is %', coalesce(v_vetting, 'missing')
                USING ERRCODE = 'EN011', HINT = 'Set engagement.vetting_status to CLEARED first.';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER workstream_lifecycle BEFORE INSERT OR UPDATE ON workstream
    FOR EACH ROW EXECUTE FUNCTION workstream_check_lifecycle();
CREATE TRIGGER workstream_keys BEFORE UPDATE ON workstream
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'id', 'kind');
CREATE TRIGGER workstream_touch BEFORE UPDATE ON workstream
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE workstream ENABLE ROW LEVEL SECURITY;
ALTER TABLE workstream FORCE ROW LEVEL SECURITY;

CREATE POLICY workstream_select ON workstream FOR SELECT
    USING (can_see_workstream(tenant_id, id));
CREATE POLICY workstream_insert ON workstream FOR INSERT
    WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY workstream_update ON workstream FOR UPDATE
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY workstream_delete ON workstream FOR DELETE
    USING (tenant_id = current_tenant_id());
-- For the visibility functions (SECURITY DEFINER, run as the owner): read access without
-- recursing into workstream_select. Owner only; writes stay fenced by the policies above.
CREATE POLICY workstream_definer_read ON workstream FOR SELECT TO CURRENT_USER
    USING (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON workstream TO ${app_role};

-- =============================================================================================
-- participation (in the owner's partition)
-- =============================================================================================
CREATE TABLE participation (
    tenant_id             uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id         uuid        NOT NULL,
    participant_tenant_id uuid        NOT NULL,
    role                  text        NOT NULL DEFAULT 'CONTRIBUTOR',
    status                text        NOT NULL DEFAULT 'INVITED',
    invited_by            uuid                 DEFAULT current_member_id(),
    invited_at            timestamptz NOT NULL DEFAULT now(),
    responded_at          timestamptz,
    version               integer     NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT participation_pk PRIMARY KEY (tenant_id, workstream_id, participant_tenant_id),
    CONSTRAINT participation_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT participation_participant_fk FOREIGN KEY (participant_tenant_id) REFERENCES tenant (id),
    CONSTRAINT participation_role_ck CHECK (role IN ('LEAD', 'CONTRIBUTOR', 'OBSERVER')),
    CONSTRAINT participation_status_ck CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    -- The owner, and only the owner, is LEAD, and always ACCEPTED.
    CONSTRAINT participation_lead_is_owner_ck CHECK ((role = 'LEAD') = (participant_tenant_id = tenant_id)),
    CONSTRAINT participation_owner_accepted_ck CHECK (participant_tenant_id <> tenant_id OR status = 'ACCEPTED'),
    CONSTRAINT participation_version_ck CHECK (version >= 0)
);

CREATE INDEX participation_participant_ix ON participation (participant_tenant_id, status);

COMMENT ON TABLE participation IS
    'Who takes part in a workstream; stored in the owner''s partition. The owner''s LEAD row is added by a trigger.';

-- The owner's LEAD/ACCEPTED row comes with the workstream.
CREATE FUNCTION workstream_add_lead() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    INSERT INTO participation (tenant_id, workstream_id, participant_tenant_id, role, status, invited_by, responded_at)
    VALUES (NEW.tenant_id, NEW.id, NEW.tenant_id, 'LEAD', 'ACCEPTED', NEW.created_by, now())
    ON CONFLICT ON CONSTRAINT participation_pk DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER workstream_lead AFTER INSERT ON workstream
    FOR EACH ROW EXECUTE FUNCTION workstream_add_lead();

-- Invitations start INVITED; the participant answers (INVITED -> ACCEPTED | DECLINED) or leaves
-- (ACCEPTED -> WITHDRAWN); the owner changes roles, re-invites (DECLINED | WITHDRAWN -> INVITED) or
-- removes (INVITED | ACCEPTED -> WITHDRAWN). The LEAD row never changes.
CREATE FUNCTION participation_check_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_current uuid := current_tenant_id();
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.participant_tenant_id = NEW.tenant_id THEN
            -- The LEAD row: an explicit insert next to the trigger's one is skipped, not an error.
            IF EXISTS (SELECT 1 FROM participation p WHERE p.tenant_id = NEW.tenant_id
                          AND p.workstream_id = NEW.workstream_id AND p.participant_tenant_id = NEW.tenant_id) THEN
                RETURN NULL;
            END IF;
        ELSIF NEW.status <> 'INVITED' THEN
            RAISE EXCEPTION 'a new participant starts INVITED, not %', NEW.status
                USING ERRCODE = 'EN012', HINT = 'The invited tenant accepts or declines itself.';
        END IF;
        RETURN NEW;
    END IF;

    IF OLD.participant_tenant_id = OLD.tenant_id THEN
        IF (NEW.role, NEW.status) IS DISTINCT FROM (OLD.role, OLD.status) THEN
            RAISE EXCEPTION 'the lead participation of a workstream cannot change or be withdrawn'
                USING ERRCODE = 'EN013';
        END IF;
        RETURN NEW;
    END IF;

    IF v_current = OLD.participant_tenant_id THEN
        IF (NEW.role, NEW.invited_by, NEW.invited_at) IS DISTINCT FROM (OLD.role, OLD.invited_by, OLD.invited_at) THEN
            RAISE EXCEPTION 'a participant may change only the status of its participation'
                USING ERRCODE = 'EN012';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status THEN
            IF (OLD.status, NEW.status) NOT IN (('INVITED', 'ACCEPTED'), ('INVITED', 'DECLINED'), ('ACCEPTED', 'WITHDRAWN')) THEN
                RAISE EXCEPTION 'a participant cannot move its participation from % to %', OLD.status, NEW.status
                    USING ERRCODE = 'EN012', HINT = 'Allowed: INVITED to ACCEPTED or DECLINED, ACCEPTED to WITHDRAWN.';
            END IF;
            NEW.responded_at := now();
        END IF;
    ELSIF v_current = OLD.tenant_id THEN
        IF NEW.status IS DISTINCT FROM OLD.status THEN
            IF (OLD.status, NEW.status) NOT IN (('DECLINED', 'INVITED'), ('WITHDRAWN', 'INVITED'),
                                                 ('INVITED', 'WITHDRAWN'), ('ACCEPTED', 'WITHDRAWN')) THEN
                RAISE EXCEPTION 'the owner cannot move a participation from % to %', OLD.status, NEW.status
                    USING ERRCODE = 'EN012', HINT = 'The owner re-invites (to INVITED) or removes (to WITHDRAWN); the participant answers.';
            END IF;
            IF NEW.status = 'INVITED' THEN
                NEW.invited_at := now();
                NEW.invited_by := current_member_id();
                NEW.responded_at := NULL;
            END IF;
        END IF;
    ELSE
        RAISE EXCEPTION 'only the owner or the participant may change a participation' USING ERRCODE = 'EN012';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER participation_change BEFORE INSERT OR UPDATE ON participation
    FOR EACH ROW EXECUTE FUNCTION participation_check_change();
CREATE TRIGGER participation_keys BEFORE UPDATE ON participation
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'participant_tenant_id');
CREATE TRIGGER participation_touch BEFORE UPDATE ON participation
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE participation ENABLE ROW LEVEL SECURITY;
ALTER TABLE participation FORCE ROW LEVEL SECURITY;

CREATE POLICY participation_select ON participation FOR SELECT
    USING (can_see_workstream(tenant_id, workstream_id));
CREATE POLICY participation_insert ON participation FOR INSERT
    WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY participation_update ON participation FOR UPDATE
    USING (tenant_id = current_tenant_id() OR participant_tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id() OR participant_tenant_id = current_tenant_id());
-- See workstream_definer_read.
CREATE POLICY participation_definer_read ON participation FOR SELECT TO CURRENT_USER
    USING (true);

-- No DELETE: participants leave by WITHDRAWN, which keeps the history.
GRANT SELECT, INSERT, UPDATE ON participation TO ${app_role};

-- =============================================================================================
-- Kind details: initiative (+ objectives), rnd_project (+ work packages, deliverables), engagement.
-- Readable by the owner and ACCEPTED participants, written by the owner.
-- =============================================================================================

-- A detail row must match its workstream's kind (TG_ARGV[0]).
CREATE FUNCTION check_workstream_kind() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_kind text;
BEGIN
    SELECT w.kind INTO v_kind FROM workstream w WHERE w.tenant_id = NEW.tenant_id AND w.id = NEW.workstream_id;
    IF FOUND AND v_kind <> TG_ARGV[0] THEN
        RAISE EXCEPTION '% belongs to % workstreams, not to a %', TG_TABLE_NAME, TG_ARGV[0], v_kind
            USING ERRCODE = 'EN016', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END
$$;

CREATE TABLE initiative (
    tenant_id       uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id   uuid        NOT NULL,
    mechanism       text        NOT NULL,
    lessons_learned text,
    assessed_at     timestamptz,
    version         integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT initiative_pk PRIMARY KEY (tenant_id, workstream_id),
    CONSTRAINT initiative_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT initiative_mechanism_ck CHECK (mechanism IN ('JOINT_EXERCISE', 'PEACEKEEPING', 'CAPACITY_BUILDING',
        'INTELLIGENCE_SHARING', 'COUNTER_TERRORISM', 'CYBER_DEFENSE', 'MARITIME_SECURITY', 'HUMANITARIAN_RESPONSE',
        'TREATY_FRAMEWORK', 'ARMS_CONTROL')),
    CONSTRAINT initiative_version_ck CHECK (version >= 0)
);

CREATE TABLE initiative_objective (
    tenant_id     uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id uuid        NOT NULL,
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    position      integer     NOT NULL DEFAULT 0,
    text          text        NOT NULL,
    rating        smallint,
    version       integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT initiative_objective_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT initiative_objective_initiative_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES initiative (tenant_id, workstream_id) ON DELETE CASCADE,
    CONSTRAINT initiative_objective_text_ck CHECK (char_length(text) BETWEEN 1 AND 500 AND btrim(text) <> ''),
    CONSTRAINT initiative_objective_rating_ck CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT initiative_objective_version_ck CHECK (version >= 0)
);

COMMENT ON COLUMN initiative_objective.rating IS 'After-action rating of the objective, 1 (not met) to 5 (fully met).';

CREATE TABLE rnd_project (
    tenant_id           uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id       uuid        NOT NULL,
    technology_area     text        NOT NULL,
    trl_start           smallint    NOT NULL,
    trl_current         smallint    NOT NULL,
    trl_target          smallint    NOT NULL,
    background_ip_terms text,
    foreground_ip_terms text,
    version             integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rnd_project_pk PRIMARY KEY (tenant_id, workstream_id),
    CONSTRAINT rnd_project_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT rnd_project_technology_area_ck CHECK (technology_area IN ('CYBER', 'AI', 'UNMANNED_SYSTEMS', 'SPACE',
        'C4ISR', 'ENERGY', 'MEDICAL', 'MATERIALS')),
    CONSTRAINT rnd_project_trl_start_ck CHECK (trl_start BETWEEN 1 AND 9),
    CONSTRAINT rnd_project_trl_current_ck CHECK (trl_current BETWEEN 1 AND 9),
    CONSTRAINT rnd_project_trl_target_ck CHECK (trl_target BETWEEN 1 AND 9),
    CONSTRAINT rnd_project_trl_order_ck CHECK (trl_target >= trl_start),
    CONSTRAINT rnd_project_version_ck CHECK (version >= 0)
);

COMMENT ON TABLE rnd_project IS 'Joint R&D project details; TRL = technology readiness level 1-9.';

CREATE TABLE work_package (
    tenant_id      uuid          NOT NULL DEFAULT current_tenant_id(),
    workstream_id  uuid          NOT NULL,
    id             uuid          NOT NULL DEFAULT gen_random_uuid(),
    code           text          NOT NULL,
    title          text          NOT NULL,
    lead_tenant_id uuid          NOT NULL,
    budget_eur     numeric(18,2) NOT NULL DEFAULT 0,
    version        integer       NOT NULL DEFAULT 0,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT work_package_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT work_package_code_uk UNIQUE (tenant_id, workstream_id, code),
    CONSTRAINT work_package_rnd_project_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES rnd_project (tenant_id, workstream_id) ON DELETE CASCADE,
    CONSTRAINT work_package_lead_tenant_fk FOREIGN KEY (lead_tenant_id) REFERENCES tenant (id),
    CONSTRAINT work_package_code_ck CHECK (char_length(code) BETWEEN 1 AND 20 AND btrim(code) <> ''),
    CONSTRAINT work_package_title_ck CHECK (char_length(title) BETWEEN 1 AND 200 AND btrim(title) <> ''),
    CONSTRAINT work_package_budget_ck CHECK (budget_eur >= 0),
    CONSTRAINT work_package_version_ck CHECK (version >= 0)
);

CREATE TABLE deliverable (
    tenant_id       uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id   uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    work_package_id uuid        NOT NULL,
    title           text        NOT NULL,
    due_date        date,
    status          text        NOT NULL DEFAULT 'PLANNED',
    version         integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deliverable_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT deliverable_work_package_fk FOREIGN KEY (tenant_id, workstream_id, work_package_id)
        REFERENCES work_package (tenant_id, workstream_id, id) ON DELETE CASCADE,
    CONSTRAINT deliverable_title_ck CHECK (char_length(title) BETWEEN 1 AND 200 AND btrim(title) <> ''),
    CONSTRAINT deliverable_status_ck CHECK (status IN ('PLANNED', 'SUBMITTED', 'ACCEPTED')),
    CONSTRAINT deliverable_version_ck CHECK (version >= 0)
);

CREATE TABLE engagement (
    tenant_id            uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id        uuid        NOT NULL,
    party_tenant_id      uuid,
    party_name           text,
    engagement_type      text        NOT NULL,
    vetting_status       text        NOT NULL DEFAULT 'NOT_STARTED',
    agreement_reference  text,
    agreement_valid_from date,
    agreement_valid_to   date,
    risk_rating          text,
    outcomes             text,
    version              integer     NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT engagement_pk PRIMARY KEY (tenant_id, workstream_id),
    CONSTRAINT engagement_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT engagement_party_tenant_fk FOREIGN KEY (party_tenant_id) REFERENCES tenant (id),
    CONSTRAINT engagement_party_ck CHECK ((party_tenant_id IS NULL) <> (party_name IS NULL)),
    CONSTRAINT engagement_party_name_ck CHECK (char_length(party_name) BETWEEN 1 AND 200 AND btrim(party_name) <> ''),
    CONSTRAINT engagement_type_ck CHECK (engagement_type IN ('HUMANITARIAN_COORDINATION', 'LOGISTICS_SUPPORT',
        'TECHNOLOGY_PARTNERSHIP', 'TRAINING', 'ADVISORY', 'SECURITY_SERVICES')),
    CONSTRAINT engagement_vetting_status_ck CHECK (vetting_status IN ('NOT_STARTED', 'IN_REVIEW', 'CLEARED', 'REJECTED')),
    CONSTRAINT engagement_agreement_dates_ck CHECK (agreement_valid_to >= agreement_valid_from),
    CONSTRAINT engagement_risk_rating_ck CHECK (risk_rating IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT engagement_version_ck CHECK (version >= 0)
);

COMMENT ON TABLE engagement IS
    'Engagement with a non-state partner: a tenant (party_tenant_id) or an organization outside Entente (party_name).';

-- The party tenant must be a non-state organization. Reading another tenant's row needs the
-- owner's tenant_definer_read policy, opened for this lookup only.
CREATE FUNCTION engagement_check_party() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_kind     text;
BEGIN
    IF NEW.party_tenant_id IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.party_tenant_id IS DISTINCT FROM OLD.party_tenant_id) THEN
        PERFORM set_config('app.definer_call', 'on', true);
        SELECT t.kind INTO v_kind FROM tenant t WHERE t.id = NEW.party_tenant_id;
        PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
        IF v_kind NOT IN ('NGO', 'PRIVATE_SECURITY', 'CORPORATION', 'ACADEMIA') THEN
            RAISE EXCEPTION 'an engagement party must be a non-state organization, not %', v_kind
                USING ERRCODE = 'EN015', TABLE = 'engagement', COLUMN = 'party_tenant_id';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER initiative_kind BEFORE INSERT ON initiative
    FOR EACH ROW EXECUTE FUNCTION check_workstream_kind('INITIATIVE');
CREATE TRIGGER rnd_project_kind BEFORE INSERT ON rnd_project
    FOR EACH ROW EXECUTE FUNCTION check_workstream_kind('RND_PROJECT');
CREATE TRIGGER engagement_kind BEFORE INSERT ON engagement
    FOR EACH ROW EXECUTE FUNCTION check_workstream_kind('ENGAGEMENT');
CREATE TRIGGER engagement_party BEFORE INSERT OR UPDATE ON engagement
    FOR EACH ROW EXECUTE FUNCTION engagement_check_party();
CREATE TRIGGER work_package_lead BEFORE INSERT OR UPDATE OF lead_tenant_id ON work_package
    FOR EACH ROW EXECUTE FUNCTION check_accepted_participant('lead_tenant_id');

CREATE TRIGGER initiative_keys BEFORE UPDATE ON initiative
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id');
CREATE TRIGGER initiative_objective_keys BEFORE UPDATE ON initiative_objective
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id');
CREATE TRIGGER rnd_project_keys BEFORE UPDATE ON rnd_project
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id');
CREATE TRIGGER work_package_keys BEFORE UPDATE ON work_package
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id');
CREATE TRIGGER deliverable_keys BEFORE UPDATE ON deliverable
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id');
CREATE TRIGGER engagement_keys BEFORE UPDATE ON engagement
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id');

CREATE TRIGGER initiative_touch BEFORE UPDATE ON initiative
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER initiative_objective_touch BEFORE UPDATE ON initiative_objective
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER rnd_project_touch BEFORE UPDATE ON rnd_project
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER work_package_touch BEFORE UPDATE ON work_package
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER deliverable_touch BEFORE UPDATE ON deliverable
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER engagement_touch BEFORE UPDATE ON engagement
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Same policies for every detail table: read by owner and accepted participants, written by the owner.
DO $$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY ARRAY['initiative', 'initiative_objective', 'rnd_project', 'work_package',
                                   'deliverable', 'engagement'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', v_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', v_table);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (is_accepted_participant(tenant_id, workstream_id))',
                       v_table || '_select', v_table);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (tenant_id = current_tenant_id())',
                       v_table || '_insert', v_table);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (tenant_id = current_tenant_id())'
                       ' WITH CHECK (tenant_id = current_tenant_id())', v_table || '_update', v_table);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (tenant_id = current_tenant_id())',
                       v_table || '_delete', v_table);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON initiative, initiative_objective, rnd_project, work_package,
    deliverable, engagement TO ${app_role};

-- =============================================================================================
-- valuation_rate: global reference data, not tenant-owned (no tenant_id), so no row-level
-- security: every tenant reads the same rates; only migrations (the owner) change them.
-- =============================================================================================
CREATE TABLE valuation_rate (
    unit         text          NOT NULL,
    eur_per_unit numeric(18,6) NOT NULL,
    label        text,
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT valuation_rate_pk PRIMARY KEY (unit),
    CONSTRAINT valuation_rate_unit_ck CHECK (unit ~ '^[A-Z]{3}$' OR unit = 'PERSON_DAY'),
    CONSTRAINT valuation_rate_eur_per_unit_ck CHECK (eur_per_unit > 0)
);

COMMENT ON TABLE valuation_rate IS
    'EUR value of one unit: ISO 4217 currencies and PERSON_DAY (a standard rate for seconded personnel).';

-- Reference rates (approximate, for normalizing pledges to EUR; not for accounting).
INSERT INTO valuation_rate (unit, eur_per_unit, label) VALUES
    ('EUR', 1.000000, 'Euro'),
    ('USD', 0.920000, 'US dollar'),
    ('GBP', 1.170000, 'Pound sterling'),
    ('NOK', 0.086000, 'Norwegian krone'),
    ('SEK', 0.088000, 'Swedish krona'),
    ('DKK', 0.134000, 'Danish krone'),
    ('CHF', 1.040000, 'Swiss franc'),
    ('CAD', 0.670000, 'Canadian dollar'),
    ('JPY', 0.006100, 'Japanese yen'),
    ('KES', 0.007100, 'Kenyan shilling'),
    ('ZAR', 0.050000, 'South African rand'),
    ('NGN', 0.000600, 'Nigerian naira'),
    ('AED', 0.250000, 'UAE dirham'),
    ('SAR', 0.245000, 'Saudi riyal'),
    ('AUD', 0.600000, 'Australian dollar'),
    ('PERSON_DAY', 450.000000, 'Person-day of seconded personnel (standard rate)');

GRANT SELECT ON valuation_rate TO ${app_role};

-- =============================================================================================
-- contribution: pledged and delivered resources, stored in the workstream owner's partition.
-- =============================================================================================
CREATE TABLE contribution (
    tenant_id             uuid          NOT NULL,
    workstream_id         uuid          NOT NULL,
    id                    uuid          NOT NULL DEFAULT gen_random_uuid(),
    contributor_tenant_id uuid          NOT NULL DEFAULT current_tenant_id(),
    type                  text          NOT NULL,
    description           text          NOT NULL DEFAULT '',
    unit                  text          NOT NULL,
    pledged_amount        numeric(18,2) NOT NULL,
    delivered_amount      numeric(18,2) NOT NULL DEFAULT 0,
    pledged_eur           numeric(18,2) NOT NULL,
    delivered_eur         numeric(18,2) NOT NULL,
    releasability         text          NOT NULL DEFAULT 'PARTICIPANTS',
    rel_to                uuid[]        NOT NULL DEFAULT '{}',
    created_by            uuid                   DEFAULT current_member_id(),
    version               integer       NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL DEFAULT now(),
    updated_at            timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT contribution_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT contribution_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT contribution_contributor_tenant_fk FOREIGN KEY (contributor_tenant_id) REFERENCES tenant (id),
    CONSTRAINT contribution_unit_fk FOREIGN KEY (unit) REFERENCES valuation_rate (unit),
    CONSTRAINT contribution_type_ck CHECK (type IN ('FUNDING', 'PERSONNEL', 'EQUIPMENT', 'IN_KIND')),
    CONSTRAINT contribution_unit_type_ck CHECK ((type = 'PERSONNEL') = (unit = 'PERSON_DAY')),
    CONSTRAINT contribution_description_ck CHECK (char_length(description) <= 2000),
    CONSTRAINT contribution_pledged_amount_ck CHECK (pledged_amount >= 0),
    CONSTRAINT contribution_delivered_amount_ck CHECK (delivered_amount >= 0),
    CONSTRAINT contribution_releasability_ck CHECK (releasability IN ('PRIVATE', 'PARTICIPANTS', 'REL_TO', 'ALL_PARTNERS')),
    CONSTRAINT contribution_rel_to_ck CHECK ((releasability = 'REL_TO') = (cardinality(rel_to) > 0)),
    CONSTRAINT contribution_rel_to_nulls_ck CHECK (array_position(rel_to, NULL) IS NULL),
    CONSTRAINT contribution_version_ck CHECK (version >= 0)
);

CREATE INDEX contribution_contributor_ix ON contribution (contributor_tenant_id);

COMMENT ON COLUMN contribution.pledged_eur IS 'pledged_amount in EUR at the valuation rate when last written (set by trigger).';
COMMENT ON COLUMN contribution.delivered_eur IS 'delivered_amount in EUR at the valuation rate when last written (set by trigger).';

-- The EUR values are always computed here, whatever the app sends.
CREATE FUNCTION contribution_normalize() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_rate numeric;
BEGIN
    IF NEW.unit IS NOT NULL THEN
        SELECT r.eur_per_unit INTO v_rate FROM valuation_rate r WHERE r.unit = NEW.unit;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'unknown valuation unit "%"', NEW.unit
                USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'contribution_unit_fk',
                      TABLE = 'contribution', COLUMN = 'unit';
        END IF;
    END IF;
    NEW.pledged_eur := round(NEW.pledged_amount * v_rate, 2);
    NEW.delivered_eur := round(NEW.delivered_amount * v_rate, 2);
    RETURN NEW;
END
$$;

CREATE TRIGGER contribution_eur BEFORE INSERT OR UPDATE ON contribution
    FOR EACH ROW EXECUTE FUNCTION contribution_normalize();
CREATE TRIGGER contribution_rel_to BEFORE INSERT OR UPDATE ON contribution
    FOR EACH ROW EXECUTE FUNCTION check_rel_to();
CREATE TRIGGER contribution_keys BEFORE UPDATE ON contribution
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id', 'contributor_tenant_id');
CREATE TRIGGER contribution_touch BEFORE UPDATE ON contribution
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE contribution ENABLE ROW LEVEL SECURITY;
ALTER TABLE contribution FORCE ROW LEVEL SECURITY;

CREATE POLICY contribution_select ON contribution FOR SELECT
    USING (can_see_item(tenant_id, workstream_id, contributor_tenant_id, releasability, rel_to));
CREATE POLICY contribution_insert ON contribution FOR INSERT
    WITH CHECK (contributor_tenant_id = current_tenant_id() AND is_accepted_participant(tenant_id, workstream_id));
CREATE POLICY contribution_update ON contribution FOR UPDATE
    USING (contributor_tenant_id = current_tenant_id()) WITH CHECK (contributor_tenant_id = current_tenant_id());
CREATE POLICY contribution_delete ON contribution FOR DELETE
    USING (contributor_tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON contribution TO ${app_role};

-- =============================================================================================
-- milestone
-- =============================================================================================
CREATE TABLE milestone (
    tenant_id       uuid        NOT NULL,
    workstream_id   uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    title           text        NOT NULL,
    owner_tenant_id uuid        NOT NULL DEFAULT current_tenant_id(),
    planned_date    date        NOT NULL,
    actual_date     date,
    status          text        NOT NULL DEFAULT 'PLANNED',
    version         integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT milestone_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT milestone_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT milestone_owner_tenant_fk FOREIGN KEY (owner_tenant_id) REFERENCES tenant (id),
    CONSTRAINT milestone_title_ck CHECK (char_length(title) BETWEEN 1 AND 200 AND btrim(title) <> ''),
    CONSTRAINT milestone_status_ck CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    CONSTRAINT milestone_version_ck CHECK (version >= 0)
);

CREATE INDEX milestone_planned_date_ix ON milestone (planned_date) WHERE status IN ('PLANNED', 'IN_PROGRESS');

CREATE TRIGGER milestone_owner BEFORE INSERT OR UPDATE OF owner_tenant_id ON milestone
    FOR EACH ROW EXECUTE FUNCTION check_accepted_participant('owner_tenant_id');
CREATE TRIGGER milestone_keys BEFORE UPDATE ON milestone
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id');
CREATE TRIGGER milestone_touch BEFORE UPDATE ON milestone
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE milestone ENABLE ROW LEVEL SECURITY;
ALTER TABLE milestone FORCE ROW LEVEL SECURITY;

CREATE POLICY milestone_select ON milestone FOR SELECT
    USING (is_accepted_participant(tenant_id, workstream_id));
-- The workstream owner plans every milestone; an accepted participant edits the ones it owns.
CREATE POLICY milestone_insert ON milestone FOR INSERT
    WITH CHECK (tenant_id = current_tenant_id()
                OR (owner_tenant_id = current_tenant_id() AND is_accepted_participant(tenant_id, workstream_id)));
CREATE POLICY milestone_update ON milestone FOR UPDATE
    USING (tenant_id = current_tenant_id()
           OR (owner_tenant_id = current_tenant_id() AND is_accepted_participant(tenant_id, workstream_id)))
    WITH CHECK (tenant_id = current_tenant_id()
                OR (owner_tenant_id = current_tenant_id() AND is_accepted_participant(tenant_id, workstream_id)));
CREATE POLICY milestone_delete ON milestone FOR DELETE
    USING (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON milestone TO ${app_role};

-- =============================================================================================
-- comment and comment_mention
-- =============================================================================================
CREATE TABLE comment (
    tenant_id        uuid        NOT NULL,
    workstream_id    uuid        NOT NULL,
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    parent_id        uuid,
    author_tenant_id uuid        NOT NULL DEFAULT current_tenant_id(),
    author_member_id uuid        NOT NULL DEFAULT current_member_id(),
    body             text        NOT NULL,
    releasability    text        NOT NULL DEFAULT 'PARTICIPANTS',
    rel_to           uuid[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    edited_at        timestamptz,
    version          integer     NOT NULL DEFAULT 0,
    CONSTRAINT comment_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT comment_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT comment_parent_fk FOREIGN KEY (tenant_id, workstream_id, parent_id)
        REFERENCES comment (tenant_id, workstream_id, id) ON DELETE CASCADE,
    CONSTRAINT comment_author_tenant_fk FOREIGN KEY (author_tenant_id) REFERENCES tenant (id),
    CONSTRAINT comment_body_ck CHECK (char_length(body) BETWEEN 1 AND 10000 AND btrim(body) <> ''),
    CONSTRAINT comment_releasability_ck CHECK (releasability IN ('PRIVATE', 'PARTICIPANTS', 'REL_TO', 'ALL_PARTNERS')),
    CONSTRAINT comment_rel_to_ck CHECK ((releasability = 'REL_TO') = (cardinality(rel_to) > 0)),
    CONSTRAINT comment_rel_to_nulls_ck CHECK (array_position(rel_to, NULL) IS NULL),
    CONSTRAINT comment_version_ck CHECK (version >= 0)
);

CREATE INDEX comment_created_at_ix ON comment (tenant_id, workstream_id, created_at);

CREATE TRIGGER comment_rel_to BEFORE INSERT OR UPDATE ON comment
    FOR EACH ROW EXECUTE FUNCTION check_rel_to();
CREATE TRIGGER comment_keys BEFORE UPDATE ON comment
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id', 'parent_id',
                                                    'author_tenant_id', 'author_member_id');

ALTER TABLE comment ENABLE ROW LEVEL SECURITY;
ALTER TABLE comment FORCE ROW LEVEL SECURITY;

CREATE POLICY comment_select ON comment FOR SELECT
    USING (can_see_item(tenant_id, workstream_id, author_tenant_id, releasability, rel_to));
CREATE POLICY comment_insert ON comment FOR INSERT
    WITH CHECK (author_tenant_id = current_tenant_id() AND is_accepted_participant(tenant_id, workstream_id));
CREATE POLICY comment_update ON comment FOR UPDATE
    USING (author_tenant_id = current_tenant_id()) WITH CHECK (author_tenant_id = current_tenant_id());

-- No DELETE: a removed comment would take other tenants' replies with it.
GRANT SELECT, INSERT, UPDATE ON comment TO ${app_role};

CREATE TABLE comment_mention (
    tenant_id           uuid NOT NULL,
    workstream_id       uuid NOT NULL,
    comment_id          uuid NOT NULL,
    mentioned_member_id uuid NOT NULL,
    mentioned_tenant_id uuid NOT NULL,
    CONSTRAINT comment_mention_pk PRIMARY KEY (tenant_id, workstream_id, comment_id, mentioned_member_id),
    CONSTRAINT comment_mention_comment_fk FOREIGN KEY (tenant_id, workstream_id, comment_id)
        REFERENCES comment (tenant_id, workstream_id, id) ON DELETE CASCADE,
    CONSTRAINT comment_mention_mentioned_tenant_fk FOREIGN KEY (mentioned_tenant_id) REFERENCES tenant (id)
);

CREATE INDEX comment_mention_member_ix ON comment_mention (mentioned_tenant_id, mentioned_member_id);

-- Mentions only of members of the owner or an ACCEPTED participant who can read the comment.
CREATE FUNCTION comment_mention_check() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_member   boolean;
    v_comment  comment%ROWTYPE;
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    v_member := EXISTS (SELECT 1 FROM member m WHERE m.tenant_id = NEW.mentioned_tenant_id AND m.id = NEW.mentioned_member_id);
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    IF NOT v_member
       OR coalesce(workstream_access(NEW.mentioned_tenant_id, NEW.tenant_id, NEW.workstream_id), '') NOT IN ('OWNER', 'ACCEPTED') THEN
        RAISE EXCEPTION 'cannot mention member %: not a member of a tenant taking part in the workstream', NEW.mentioned_member_id
            USING ERRCODE = 'EN020', HINT = 'Mention members listed by workstream_members().';
    END IF;
    SELECT c.* INTO v_comment FROM comment c
     WHERE c.tenant_id = NEW.tenant_id AND c.workstream_id = NEW.workstream_id AND c.id = NEW.comment_id;
    IF FOUND AND NOT releasable_to(NEW.mentioned_tenant_id, v_comment.author_tenant_id,
                                   v_comment.releasability, v_comment.rel_to) THEN
        RAISE EXCEPTION 'cannot mention member %: the comment is not released to their tenant', NEW.mentioned_member_id
            USING ERRCODE = 'EN021';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER comment_mention_member BEFORE INSERT ON comment_mention
    FOR EACH ROW EXECUTE FUNCTION comment_mention_check();

ALTER TABLE comment_mention ENABLE ROW LEVEL SECURITY;
ALTER TABLE comment_mention FORCE ROW LEVEL SECURITY;

-- Like the comment: the subqueries are themselves subject to comment's policies.
CREATE POLICY comment_mention_select ON comment_mention FOR SELECT
    USING (EXISTS (SELECT 1 FROM comment c WHERE c.tenant_id = comment_mention.tenant_id
                      AND c.workstream_id = comment_mention.workstream_id AND c.id = comment_mention.comment_id));
CREATE POLICY comment_mention_insert ON comment_mention FOR INSERT
    WITH CHECK (is_accepted_participant(tenant_id, workstream_id)
                AND EXISTS (SELECT 1 FROM comment c WHERE c.tenant_id = comment_mention.tenant_id
                               AND c.workstream_id = comment_mention.workstream_id AND c.id = comment_mention.comment_id
                               AND c.author_tenant_id = current_tenant_id()));
CREATE POLICY comment_mention_delete ON comment_mention FOR DELETE
    USING (EXISTS (SELECT 1 FROM comment c WHERE c.tenant_id = comment_mention.tenant_id
                      AND c.workstream_id = comment_mention.workstream_id AND c.id = comment_mention.comment_id
                      AND c.author_tenant_id = current_tenant_id()));

GRANT SELECT, INSERT, DELETE ON comment_mention TO ${app_role};

-- =============================================================================================
-- attachment
-- =============================================================================================
CREATE TABLE attachment (
    tenant_id       uuid        NOT NULL,
    workstream_id   uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    owner_tenant_id uuid        NOT NULL DEFAULT current_tenant_id(),
    uploaded_by     uuid                 DEFAULT current_member_id(),
    file_name       text        NOT NULL,
    media_type      text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    sha256          text        NOT NULL,
    content         bytea       NOT NULL,
    releasability   text        NOT NULL DEFAULT 'PARTICIPANTS',
    rel_to          uuid[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT attachment_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT attachment_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT attachment_owner_tenant_fk FOREIGN KEY (owner_tenant_id) REFERENCES tenant (id),
    CONSTRAINT attachment_file_name_ck CHECK (char_length(file_name) BETWEEN 1 AND 255 AND btrim(file_name) <> ''),
    CONSTRAINT attachment_media_type_ck CHECK (btrim(media_type) <> ''),
    CONSTRAINT attachment_size_bytes_ck CHECK (size_bytes > 0),
    CONSTRAINT attachment_sha256_ck CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT attachment_releasability_ck CHECK (releasability IN ('PRIVATE', 'PARTICIPANTS', 'REL_TO', 'ALL_PARTNERS')),
    CONSTRAINT attachment_rel_to_ck CHECK ((releasability = 'REL_TO') = (cardinality(rel_to) > 0)),
    CONSTRAINT attachment_rel_to_nulls_ck CHECK (array_position(rel_to, NULL) IS NULL)
);

CREATE TRIGGER attachment_rel_to BEFORE INSERT OR UPDATE ON attachment
    FOR EACH ROW EXECUTE FUNCTION check_rel_to();
CREATE TRIGGER attachment_keys BEFORE UPDATE ON attachment
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id', 'owner_tenant_id');

ALTER TABLE attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachment FORCE ROW LEVEL SECURITY;

CREATE POLICY attachment_select ON attachment FOR SELECT
    USING (can_see_item(tenant_id, workstream_id, owner_tenant_id, releasability, rel_to));
CREATE POLICY attachment_insert ON attachment FOR INSERT
    WITH CHECK (owner_tenant_id = current_tenant_id() AND is_accepted_participant(tenant_id, workstream_id));
CREATE POLICY attachment_update ON attachment FOR UPDATE
    USING (owner_tenant_id = current_tenant_id()) WITH CHECK (owner_tenant_id = current_tenant_id());
CREATE POLICY attachment_delete ON attachment FOR DELETE
    USING (owner_tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON attachment TO ${app_role};

-- =============================================================================================
-- activity: the workstream's feed; each entry carries its item's releasability, so the feed
-- never reveals an item its reader cannot see. Append-only for the app (SELECT, INSERT).
-- =============================================================================================
CREATE TABLE activity (
    tenant_id       uuid        NOT NULL,
    workstream_id   uuid        NOT NULL,
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    actor_tenant_id uuid        NOT NULL DEFAULT current_tenant_id(),
    actor_member_id uuid                 DEFAULT current_member_id(),
    verb            text        NOT NULL,
    summary         text        NOT NULL DEFAULT '',
    item_type       text,
    item_id         uuid,
    item_tenant_id  uuid        NOT NULL,
    releasability   text        NOT NULL DEFAULT 'PARTICIPANTS',
    rel_to          uuid[]      NOT NULL DEFAULT '{}',
    at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT activity_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT activity_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT activity_verb_ck CHECK (char_length(verb) BETWEEN 1 AND 50 AND btrim(verb) <> ''),
    CONSTRAINT activity_summary_ck CHECK (char_length(summary) <= 1000),
    CONSTRAINT activity_releasability_ck CHECK (releasability IN ('PRIVATE', 'PARTICIPANTS', 'REL_TO', 'ALL_PARTNERS')),
    CONSTRAINT activity_rel_to_ck CHECK ((releasability = 'REL_TO') = (cardinality(rel_to) > 0)),
    CONSTRAINT activity_rel_to_nulls_ck CHECK (array_position(rel_to, NULL) IS NULL)
);

CREATE INDEX activity_at_ix ON activity (tenant_id, workstream_id, at DESC);

ALTER TABLE activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity FORCE ROW LEVEL SECURITY;

CREATE POLICY activity_select ON activity FOR SELECT
    USING (can_see_item(tenant_id, workstream_id, item_tenant_id, releasability, rel_to));
CREATE POLICY activity_insert ON activity FOR INSERT
    WITH CHECK (actor_tenant_id = current_tenant_id() AND is_accepted_participant(tenant_id, workstream_id));

GRANT SELECT, INSERT ON activity TO ${app_role};

-- =============================================================================================
-- notification: partitioned by RECIPIENT tenant. Other tenants write only through notify().
-- =============================================================================================
CREATE TABLE notification (
    tenant_id            uuid        NOT NULL,
    id                   bigint      GENERATED ALWAYS AS IDENTITY,
    recipient_member_id  uuid,
    kind                 text        NOT NULL,
    workstream_tenant_id uuid,
    workstream_id        uuid,
    text                 text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    read_at              timestamptz,
    CONSTRAINT notification_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT notification_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT notification_kind_ck CHECK (kind IN ('INVITATION', 'MENTION', 'MILESTONE_DUE', 'MILESTONE_OVERDUE',
                                                    'STATUS_CHANGE')),
    CONSTRAINT notification_text_ck CHECK (char_length(text) BETWEEN 1 AND 1000 AND btrim(text) <> ''),
    CONSTRAINT notification_workstream_ck CHECK ((workstream_tenant_id IS NULL) = (workstream_id IS NULL))
);

CREATE INDEX notification_unread_ix ON notification (tenant_id, recipient_member_id, created_at DESC)
    WHERE read_at IS NULL;

COMMENT ON TABLE notification IS
    'Notifications, in the recipient tenant''s partition; recipient_member_id null = every member of the tenant.';

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;

CREATE POLICY notification_recipient ON notification
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- For notify() only: the owner writes into another tenant's partition while notify() runs.
CREATE POLICY notification_definer_write ON notification TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

GRANT SELECT ON notification TO ${app_role};
GRANT UPDATE (read_at) ON notification TO ${app_role};

-- =============================================================================================
-- contribution_access: who read or exported a tenant's contributions; partitioned by the
-- CONTRIBUTING tenant, written only through record_contribution_access().
-- =============================================================================================
CREATE TABLE contribution_access (
    tenant_id            uuid        NOT NULL,
    id                   bigint      GENERATED ALWAYS AS IDENTITY,
    reader_tenant_id     uuid        NOT NULL,
    reader_member_id     uuid,
    action               text        NOT NULL,
    workstream_tenant_id uuid        NOT NULL,
    workstream_id        uuid        NOT NULL,
    contribution_id      uuid        NOT NULL,
    at                   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contribution_access_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT contribution_access_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT contribution_access_reader_tenant_fk FOREIGN KEY (reader_tenant_id) REFERENCES tenant (id),
    CONSTRAINT contribution_access_action_ck CHECK (action IN ('READ', 'EXPORT'))
);

CREATE INDEX contribution_access_at_ix ON contribution_access (tenant_id, at DESC);

COMMENT ON TABLE contribution_access IS
    'Access ledger: which tenant read or exported a contribution, kept in the contributing tenant''s partition.';

ALTER TABLE contribution_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE contribution_access FORCE ROW LEVEL SECURITY;

CREATE POLICY contribution_access_contributor ON contribution_access
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- For record_contribution_access() only.
CREATE POLICY contribution_access_definer_write ON contribution_access TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

GRANT SELECT ON contribution_access TO ${app_role};

-- =============================================================================================
-- Cross-tenant functions for the app (SECURITY DEFINER; app.definer_call opens the owner-only
-- policies while they run)
-- =============================================================================================

-- Owner's policies on tenant and member for definer functions (see header).
CREATE POLICY tenant_definer_read ON tenant FOR SELECT TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on');
CREATE POLICY member_definer_read ON member FOR SELECT TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on');

-- Notifies a tenant (or one of its members) about a workstream the caller can see; the recipient
-- must be its owner or an INVITED/ACCEPTED participant. Returns the notification id.
CREATE FUNCTION notify(p_recipient_tenant_id uuid, p_recipient_member_id uuid, p_kind text,
                       p_workstream_tenant_id uuid, p_workstream_id uuid, p_text text) RETURNS bigint
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
    INSERT INTO notification (tenant_id, recipient_member_id, kind, workstream_tenant_id, workstream_id, text)
    VALUES (p_recipient_tenant_id, p_recipient_member_id, p_kind, p_workstream_tenant_id, p_workstream_id, p_text)
    RETURNING id INTO v_id;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN v_id;
END
$$;

-- Ledgers, in each contributing tenant's partition, the caller's READ or EXPORT of contributions it
-- can actually see and that another tenant contributed. Returns the number of rows recorded.
CREATE FUNCTION record_contribution_access(p_workstream_tenant_id uuid, p_workstream_id uuid,
                                           p_contribution_ids uuid[], p_action text) RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_count    integer;
BEGIN
    IF p_action IS NULL OR p_action NOT IN ('READ', 'EXPORT') THEN
        RAISE EXCEPTION 'unknown contribution access action "%"', p_action
            USING ERRCODE = 'EN031', HINT = 'Use READ or EXPORT.';
    END IF;
    IF current_tenant_id() IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    INSERT INTO contribution_access (tenant_id, reader_tenant_id, reader_member_id, action,
                                     workstream_tenant_id, workstream_id, contribution_id)
    SELECT c.contributor_tenant_id, current_tenant_id(), current_member_id(), p_action,
           c.tenant_id, c.workstream_id, c.id
      FROM contribution c
     WHERE c.tenant_id = p_workstream_tenant_id AND c.workstream_id = p_workstream_id
       AND c.id = ANY (p_contribution_ids)
       AND c.contributor_tenant_id <> current_tenant_id()
       AND can_see_item(c.tenant_id, c.workstream_id, c.contributor_tenant_id, c.releasability, c.rel_to);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN v_count;
END
$$;

-- The partner directory: ACTIVE tenants. Their names are not secret; their users are.
CREATE FUNCTION partner_directory() RETURNS TABLE (id uuid, alias text, name text, kind text, region text)
    LANGUAGE plpgsql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    RETURN QUERY
        SELECT t.id, t.alias, t.name, t.kind, t.region
          FROM tenant t
         WHERE t.status = 'ACTIVE' AND current_tenant_id() IS NOT NULL
         ORDER BY t.name;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

-- Members of the tenants taking part in a workstream (owner and ACCEPTED participants in its
-- audience), e.g. for mention autocomplete. Nothing unless the caller is one of them.
CREATE FUNCTION workstream_members(p_tenant_id uuid, p_workstream_id uuid)
    RETURNS TABLE (tenant_id uuid, member_id uuid, username text, display_name text, tenant_alias text)
    LANGUAGE plpgsql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    IF NOT is_accepted_participant(p_tenant_id, p_workstream_id) THEN
        RETURN;
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    RETURN QUERY
        SELECT m.tenant_id, m.id, m.username, m.display_name, t.alias
          FROM workstream w
          JOIN participation p ON p.tenant_id = w.tenant_id AND p.workstream_id = w.id AND p.status = 'ACCEPTED'
          JOIN tenant t ON t.id = p.participant_tenant_id
          JOIN member m ON m.tenant_id = p.participant_tenant_id
         WHERE w.tenant_id = p_tenant_id AND w.id = p_workstream_id
           AND workstream_access(p.participant_tenant_id, w.tenant_id, w.id) IN ('OWNER', 'ACCEPTED')
         ORDER BY t.alias, m.display_name;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

-- =============================================================================================
-- Function privileges: nothing for PUBLIC; the app role gets what it calls (directly or through
-- policies and column defaults). Trigger functions and internal helpers stay owner-only.
-- =============================================================================================
REVOKE ALL ON FUNCTION
    current_tenant_id(), current_member_id(), releasable_to(uuid, uuid, text, uuid[]),
    workstream_access(uuid, uuid, uuid), can_see_workstream(uuid, uuid), is_accepted_participant(uuid, uuid),
    can_see_item(uuid, uuid, uuid, text, uuid[]), participation_status(uuid, uuid, uuid),
    touch_updated_at(), reject_key_change(), check_rel_to(), check_accepted_participant(),
    workstream_check_lifecycle(), workstream_add_lead(), participation_check_change(), check_workstream_kind(),
    engagement_check_party(), contribution_normalize(), comment_mention_check(),
    notify(uuid, uuid, text, uuid, uuid, text), record_contribution_access(uuid, uuid, uuid[], text),
    partner_directory(), workstream_members(uuid, uuid)
    FROM PUBLIC;
-- V1's trigger function too (trigger functions need no EXECUTE right to fire).
REVOKE ALL ON FUNCTION audit_event_reject_change() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION
    current_tenant_id(), current_member_id(), releasable_to(uuid, uuid, text, uuid[]),
    can_see_workstream(uuid, uuid), is_accepted_participant(uuid, uuid), can_see_item(uuid, uuid, uuid, text, uuid[]),
    notify(uuid, uuid, text, uuid, uuid, text), record_contribution_access(uuid, uuid, uuid[], text),
    partner_directory(), workstream_members(uuid, uuid)
    TO ${app_role};
