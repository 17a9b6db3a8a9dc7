-- Monitoring and evaluation (issue #17): the results chain of every workstream kind.
--
--   objective                  what a workstream sets out to do (was initiative_objective: now every kind has them)
--     indicator                how progress towards it is measured: unit, direction, baseline, target, frequency,
--                              the responsible organization, its own releasability (never wider than the workstream's)
--       measurement            a value for a period; corrected in place with optimistic locking, the replaced
--                              value kept in measurement_correction (append-only, written by trigger)
--   assessment                 initial (baseline), periodic or final; self or external; findings
--     assessment_rating        a rating 1-5 per objective
--     assessment_recommendation  with an owner organization, a due date and OPEN/DONE
--
-- The after-action assessment of V2 (initiative_objective.rating, initiative.lessons_learned, initiative.assessed_at)
-- becomes each initiative's FINAL assessment below; its data is kept.
--
-- Progress and status are computed in ONE place: indicator_status()/indicator_progress_ratio() and the view
-- indicator_progress (security_invoker: each reader sees through its own row-level security). The screen, the
-- export and the reminders read the view; the analytics snapshot copies it (as of the snapshot) for the rollups.
--
-- Who may see / write:
--   objective, assessment*, indicator: the workstream's owner and ACCEPTED participants the row is released to
--     (assessment and indicator carry releasability; objective and assessment_rating/recommendation follow their
--     workstream / assessment). Only the owner (the lead) writes them; a recommendation's owner organization marks it
--     OPEN or DONE.
--   measurement, measurement_correction: whoever sees the indicator. Written (INSERT, UPDATE; never DELETE) by the
--     owner, or by the indicator's responsible organization while it is an ACCEPTED, non-observer participant.
--   Every row lives in the workstream owner's partition (tenant_id = owner), as contributions do.
--
-- Errors raised on purpose (SQLSTATE class EN):
--   EN070  an indicator's releasability is wider than its workstream's, or not released to its responsible organization
--   EN071  the responsible organization is not an accepted, non-observer participant
--   (EN014, V2's check_accepted_participant: a recommendation's owner is not the lead or an accepted participant)
--   EN072  a measurement value that does not fit the indicator's unit, or a partner on a non-disaggregated indicator
--   EN073  a measurement period that starts in the future

-- =============================================================================================
-- objective: generalized from initiative_objective; the rating moves to assessment_rating.
-- =============================================================================================
ALTER TABLE initiative_objective RENAME TO objective;
ALTER TABLE objective DROP CONSTRAINT initiative_objective_initiative_fk;
ALTER TABLE objective ADD CONSTRAINT objective_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
    REFERENCES workstream (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE objective RENAME CONSTRAINT initiative_objective_pk TO objective_pk;
ALTER TABLE objective RENAME CONSTRAINT initiative_objective_text_ck TO objective_text_ck;
ALTER TABLE objective RENAME CONSTRAINT initiative_objective_version_ck TO objective_version_ck;
ALTER POLICY initiative_objective_select ON objective RENAME TO objective_select;
ALTER POLICY initiative_objective_insert ON objective RENAME TO objective_insert;
ALTER POLICY initiative_objective_update ON objective RENAME TO objective_update;
ALTER POLICY initiative_objective_delete ON objective RENAME TO objective_delete;
ALTER TRIGGER initiative_objective_keys ON objective RENAME TO objective_keys;
ALTER TRIGGER initiative_objective_touch ON objective RENAME TO objective_touch;
COMMENT ON TABLE objective IS 'What a workstream (any kind) sets out to do; measured by indicators, rated by assessments.';

-- =============================================================================================
-- Units: which values a unit admits (the table checks and the measurement trigger use the same rule).
-- =============================================================================================
CREATE FUNCTION unit_admits(p_unit text, p_value numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = public, pg_temp
AS $$
    SELECT p_value IS NOT NULL AND CASE p_unit
        WHEN 'NUMBER'    THEN true
        WHEN 'EUR'       THEN p_value >= 0
        WHEN 'PERCENT'   THEN p_value BETWEEN 0 AND 100
        WHEN 'YES_NO'    THEN p_value IN (0, 1)
        WHEN 'SCALE_1_5' THEN p_value BETWEEN 1 AND 5
        ELSE false END
$$;

COMMENT ON FUNCTION unit_admits(text, numeric) IS
    'May a value of this indicator unit be p_value: PERCENT 0-100, YES_NO 0 or 1, SCALE_1_5 1-5, EUR >= 0, NUMBER any.';

-- =============================================================================================
-- indicator
-- =============================================================================================
CREATE TABLE indicator (
    tenant_id             uuid          NOT NULL DEFAULT current_tenant_id(),
    workstream_id         uuid          NOT NULL,
    id                    uuid          NOT NULL DEFAULT gen_random_uuid(),
    objective_id          uuid          NOT NULL,
    position              integer       NOT NULL DEFAULT 0,
    definition            text          NOT NULL,
    unit                  text          NOT NULL,
    direction             text          NOT NULL DEFAULT 'HIGHER',
    disaggregation        text          NOT NULL DEFAULT 'NONE',
    baseline_value        numeric(18,4),
    baseline_date         date,
    target_value          numeric(18,4) NOT NULL,
    target_date           date          NOT NULL,
    frequency             text          NOT NULL DEFAULT 'QUARTERLY',
    responsible_tenant_id uuid          NOT NULL DEFAULT current_tenant_id(),
    releasability         text          NOT NULL DEFAULT 'PARTICIPANTS',
    rel_to                uuid[]        NOT NULL DEFAULT '{}',
    version               integer       NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL DEFAULT now(),
    updated_at            timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT indicator_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT indicator_id_uk UNIQUE (tenant_id, id),
    CONSTRAINT indicator_objective_fk FOREIGN KEY (tenant_id, workstream_id, objective_id)
        REFERENCES objective (tenant_id, workstream_id, id) ON DELETE CASCADE,
    CONSTRAINT indicator_responsible_fk FOREIGN KEY (responsible_tenant_id) REFERENCES tenant (id),
    CONSTRAINT indicator_definition_ck CHECK (char_length(definition) BETWEEN 1 AND 500 AND btrim(definition) <> ''),
    CONSTRAINT indicator_unit_ck CHECK (unit IN ('NUMBER', 'PERCENT', 'EUR', 'YES_NO', 'SCALE_1_5')),
    CONSTRAINT indicator_direction_ck CHECK (direction IN ('HIGHER', 'LOWER')),
    CONSTRAINT indicator_disaggregation_ck CHECK (disaggregation IN ('NONE', 'BY_PARTNER')),
    CONSTRAINT indicator_frequency_ck CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'YEARLY')),
    CONSTRAINT indicator_releasability_ck CHECK (releasability IN ('PRIVATE', 'PARTICIPANTS', 'REL_TO', 'ALL_PARTNERS')),
    CONSTRAINT indicator_rel_to_ck CHECK ((releasability = 'REL_TO') = (cardinality(rel_to) > 0)),
    CONSTRAINT indicator_baseline_ck CHECK ((baseline_value IS NULL) = (baseline_date IS NULL)),
    CONSTRAINT indicator_dates_ck CHECK (baseline_date IS NULL OR target_date > baseline_date),
    -- The target lies in the direction that is better; a baseline equal to the target measures nothing.
    CONSTRAINT indicator_direction_target_ck CHECK (baseline_value IS NULL
        OR (direction = 'HIGHER' AND target_value > baseline_value)
        OR (direction = 'LOWER' AND target_value < baseline_value)),
    CONSTRAINT indicator_baseline_unit_ck CHECK (baseline_value IS NULL OR unit_admits(unit, baseline_value)),
    CONSTRAINT indicator_target_unit_ck CHECK (unit_admits(unit, target_value)),
    CONSTRAINT indicator_version_ck CHECK (version >= 0)
);

COMMENT ON TABLE indicator IS
    'How progress towards an objective is measured; in the workstream owner''s partition, released like an item.';
COMMENT ON COLUMN indicator.disaggregation IS
    'BY_PARTNER: measurements may also be given per participant organization; the status uses the totals.';

-- How wide a releasability reaches: an item may be released no wider than its workstream.
CREATE FUNCTION releasability_width(p_releasability text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = public, pg_temp
AS $$
    SELECT CASE p_releasability WHEN 'PRIVATE' THEN 0 WHEN 'REL_TO' THEN 1 WHEN 'PARTICIPANTS' THEN 2
                                WHEN 'ALL_PARTNERS' THEN 3 END
$$;

-- BEFORE INSERT OR UPDATE on indicator and assessment: the row's releasability is never wider than its workstream's
-- (REL_TO only to organizations the workstream is released to), and an indicator is released to its responsible
-- organization, which must be the owner or an ACCEPTED participant that is not an OBSERVER.
CREATE FUNCTION check_result_release() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_releasability text;
    v_rel_to        uuid[];
    v_role          text;
    v_status        text;
    v_responsible   uuid;
BEGIN
    -- Only the owner writes these rows (row-level security refuses anyone else after this trigger); checking for
    -- someone else would tell them, through the message, how the workstream is released.
    IF NEW.tenant_id IS DISTINCT FROM current_tenant_id() THEN
        RETURN NEW;
    END IF;
    SELECT w.releasability, w.rel_to INTO v_releasability, v_rel_to
      FROM workstream w WHERE w.tenant_id = NEW.tenant_id AND w.id = NEW.workstream_id;
    IF NOT FOUND THEN
        RETURN NEW;   -- the foreign key reports it
    END IF;
    IF releasability_width(NEW.releasability) > releasability_width(v_releasability)
       OR (v_releasability = 'REL_TO' AND NEW.releasability = 'REL_TO' AND NOT (NEW.rel_to <@ v_rel_to)) THEN
        RAISE EXCEPTION '% is released wider (%) than its workstream (%)', TG_TABLE_NAME, NEW.releasability,
                        v_releasability
            USING ERRCODE = 'EN070', TABLE = TG_TABLE_NAME, COLUMN = 'releasability';
    END IF;
    IF TG_TABLE_NAME = 'indicator' THEN
        v_responsible := NEW.responsible_tenant_id;
        IF v_responsible <> NEW.tenant_id THEN
            SELECT p.role, p.status INTO v_role, v_status FROM participation p
             WHERE p.tenant_id = NEW.tenant_id AND p.workstream_id = NEW.workstream_id
               AND p.participant_tenant_id = v_responsible;
            IF coalesce(v_status, '') <> 'ACCEPTED' OR v_role = 'OBSERVER' THEN
                RAISE EXCEPTION 'the responsible organization must be the lead or an accepted contributor, not %',
                                coalesce(v_role || ' ' || v_status, 'an outsider')
                    USING ERRCODE = 'EN071', TABLE = 'indicator', COLUMN = 'responsible_tenant_id';
            END IF;
            IF NOT releasable_to(v_responsible, NEW.tenant_id, NEW.releasability, NEW.rel_to) THEN
                RAISE EXCEPTION 'the indicator is not released to its responsible organization'
                    USING ERRCODE = 'EN070', TABLE = 'indicator', COLUMN = 'releasability';
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER indicator_release BEFORE INSERT OR UPDATE ON indicator
    FOR EACH ROW EXECUTE FUNCTION check_result_release();
CREATE TRIGGER indicator_rel_to BEFORE INSERT OR UPDATE ON indicator
    FOR EACH ROW EXECUTE FUNCTION check_rel_to();
CREATE TRIGGER indicator_keys BEFORE UPDATE ON indicator
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id');
CREATE TRIGGER indicator_touch BEFORE UPDATE ON indicator
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE indicator ENABLE ROW LEVEL SECURITY;
ALTER TABLE indicator FORCE ROW LEVEL SECURITY;

CREATE POLICY indicator_select ON indicator FOR SELECT
    USING (can_see_item(tenant_id, workstream_id, tenant_id, releasability, rel_to));
CREATE POLICY indicator_insert ON indicator FOR INSERT WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY indicator_update ON indicator FOR UPDATE
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY indicator_delete ON indicator FOR DELETE USING (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON indicator TO ${app_role};

-- May the current tenant see this indicator (its row-level security, as the caller). SECURITY INVOKER, so that the
-- policies of measurement and measurement_correction hold no subquery (Citus refuses those, deploy/citus.sql).
CREATE FUNCTION indicator_visible(p_tenant_id uuid, p_indicator_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM indicator i WHERE i.tenant_id = p_tenant_id AND i.id = p_indicator_id) $$;

-- May the current tenant enter (or correct) measurements of this indicator: the workstream owner, or the indicator's
-- responsible organization while it is an ACCEPTED participant that is not an OBSERVER.
CREATE FUNCTION may_measure(p_tenant_id uuid, p_workstream_id uuid, p_indicator_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT current_tenant_id() IS NOT NULL AND (current_tenant_id() = p_tenant_id OR EXISTS (
        SELECT 1 FROM indicator i
          JOIN participation p ON p.tenant_id = i.tenant_id AND p.workstream_id = i.workstream_id
                              AND p.participant_tenant_id = i.responsible_tenant_id
         WHERE i.tenant_id = p_tenant_id AND i.workstream_id = p_workstream_id AND i.id = p_indicator_id
           AND i.responsible_tenant_id = current_tenant_id()
           AND p.status = 'ACCEPTED' AND p.role <> 'OBSERVER'
           AND workstream_access(current_tenant_id(), p_tenant_id, p_workstream_id) = 'ACCEPTED'
           AND releasable_to(current_tenant_id(), i.tenant_id, i.releasability, i.rel_to)))
$$;

-- =============================================================================================
-- measurement and measurement_correction
-- =============================================================================================
CREATE TABLE measurement (
    tenant_id            uuid          NOT NULL,
    workstream_id        uuid          NOT NULL,
    indicator_id         uuid          NOT NULL,
    id                   uuid          NOT NULL DEFAULT gen_random_uuid(),
    period_start         date          NOT NULL,
    period_end           date          NOT NULL,
    partner_tenant_id    uuid,
    value                numeric(18,4) NOT NULL,
    source               text,
    note                 text,
    entered_by_tenant_id uuid          NOT NULL DEFAULT current_tenant_id(),
    entered_by_member_id uuid          DEFAULT current_member_id(),
    entered_by           text          NOT NULL,
    entered_at           timestamptz   NOT NULL DEFAULT now(),
    version              integer       NOT NULL DEFAULT 0,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT measurement_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT measurement_indicator_fk FOREIGN KEY (tenant_id, workstream_id, indicator_id)
        REFERENCES indicator (tenant_id, workstream_id, id) ON DELETE CASCADE,
    CONSTRAINT measurement_partner_fk FOREIGN KEY (partner_tenant_id) REFERENCES tenant (id),
    CONSTRAINT measurement_entered_by_tenant_fk FOREIGN KEY (entered_by_tenant_id) REFERENCES tenant (id),
    -- One value per indicator, period and partner (null = the total): a second entry is a correction.
    CONSTRAINT measurement_period_uk UNIQUE NULLS NOT DISTINCT (tenant_id, indicator_id, period_start, period_end,
                                                                partner_tenant_id),
    CONSTRAINT measurement_period_ck CHECK (period_end >= period_start),
    CONSTRAINT measurement_source_ck CHECK (source IS NULL OR (char_length(source) BETWEEN 1 AND 500
                                                               AND btrim(source) <> '')),
    CONSTRAINT measurement_note_ck CHECK (note IS NULL OR (char_length(note) BETWEEN 1 AND 2000 AND btrim(note) <> '')),
    CONSTRAINT measurement_entered_by_ck CHECK (char_length(entered_by) BETWEEN 1 AND 200 AND btrim(entered_by) <> ''),
    CONSTRAINT measurement_version_ck CHECK (version >= 0)
);

CREATE INDEX measurement_indicator_ix ON measurement (tenant_id, indicator_id, period_end DESC);

COMMENT ON TABLE measurement IS
    'An indicator''s value for a period (partner_tenant_id null = the total); corrections keep the old value in measurement_correction.';

-- The value fits the indicator's unit; a partner only on a BY_PARTNER indicator and only an accepted participant;
-- the period does not start in the future. On UPDATE the writer becomes the one who entered it.
CREATE FUNCTION measurement_check() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_unit           text;
    v_disaggregation text;
BEGIN
    SELECT i.unit, i.disaggregation INTO v_unit, v_disaggregation
      FROM indicator i WHERE i.tenant_id = NEW.tenant_id AND i.workstream_id = NEW.workstream_id AND i.id = NEW.indicator_id;
    IF NOT FOUND THEN
        RETURN NEW;   -- the foreign key reports it
    END IF;
    IF NOT unit_admits(v_unit, NEW.value) THEN
        RAISE EXCEPTION 'a % indicator cannot measure %', v_unit, NEW.value
            USING ERRCODE = 'EN072', TABLE = 'measurement', COLUMN = 'value';
    END IF;
    IF NEW.partner_tenant_id IS NOT NULL AND (v_disaggregation <> 'BY_PARTNER'
       OR coalesce(participation_status(NEW.tenant_id, NEW.workstream_id, NEW.partner_tenant_id), '') <> 'ACCEPTED') THEN
        RAISE EXCEPTION 'a measurement per partner needs a BY_PARTNER indicator and an accepted participant'
            USING ERRCODE = 'EN072', TABLE = 'measurement', COLUMN = 'partner_tenant_id';
    END IF;
    IF NEW.period_start > current_date THEN
        RAISE EXCEPTION 'the period starts in the future (%)', NEW.period_start
            USING ERRCODE = 'EN073', TABLE = 'measurement', COLUMN = 'period_start';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.entered_by_tenant_id := current_tenant_id();
        NEW.entered_by_member_id := current_member_id();
        NEW.entered_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER measurement_check BEFORE INSERT OR UPDATE ON measurement
    FOR EACH ROW EXECUTE FUNCTION measurement_check();
CREATE TRIGGER measurement_keys BEFORE UPDATE ON measurement
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'indicator_id', 'id', 'period_start',
                                                    'period_end', 'partner_tenant_id');
CREATE TRIGGER measurement_touch BEFORE UPDATE ON measurement
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE measurement ENABLE ROW LEVEL SECURITY;
ALTER TABLE measurement FORCE ROW LEVEL SECURITY;

CREATE POLICY measurement_select ON measurement FOR SELECT USING (indicator_visible(tenant_id, indicator_id));
CREATE POLICY measurement_insert ON measurement FOR INSERT
    WITH CHECK (may_measure(tenant_id, workstream_id, indicator_id));
CREATE POLICY measurement_update ON measurement FOR UPDATE
    USING (may_measure(tenant_id, workstream_id, indicator_id))
    WITH CHECK (may_measure(tenant_id, workstream_id, indicator_id));

-- No DELETE: a wrong value is corrected, and the correction keeps it.
GRANT SELECT, INSERT, UPDATE ON measurement TO ${app_role};

CREATE TABLE measurement_correction (
    tenant_id            uuid          NOT NULL,
    workstream_id        uuid          NOT NULL,
    measurement_id       uuid          NOT NULL,
    id                   bigint        GENERATED ALWAYS AS IDENTITY,
    indicator_id         uuid          NOT NULL,
    value                numeric(18,4) NOT NULL,
    source               text,
    note                 text,
    entered_by_tenant_id uuid          NOT NULL,
    entered_by           text          NOT NULL,
    entered_at           timestamptz   NOT NULL,
    version              integer       NOT NULL,
    replaced_at          timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT measurement_correction_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT measurement_correction_measurement_fk FOREIGN KEY (tenant_id, workstream_id, measurement_id)
        REFERENCES measurement (tenant_id, workstream_id, id) ON DELETE CASCADE
);

CREATE INDEX measurement_correction_measurement_ix ON measurement_correction (tenant_id, measurement_id, id);

COMMENT ON TABLE measurement_correction IS
    'Append-only: each value a correction replaced, with who had entered it and when. Written only by trigger.';

CREATE FUNCTION measurement_keep_replaced() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    IF NEW.value IS DISTINCT FROM OLD.value OR NEW.source IS DISTINCT FROM OLD.source
       OR NEW.note IS DISTINCT FROM OLD.note THEN
        PERFORM set_config('app.definer_call', 'measurement', true);
        INSERT INTO measurement_correction (tenant_id, workstream_id, measurement_id, indicator_id, value, source, note,
                                            entered_by_tenant_id, entered_by, entered_at, version)
        VALUES (OLD.tenant_id, OLD.workstream_id, OLD.id, OLD.indicator_id, OLD.value, OLD.source, OLD.note,
                OLD.entered_by_tenant_id, OLD.entered_by, OLD.entered_at, OLD.version);
        PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER measurement_keep_replaced AFTER UPDATE ON measurement
    FOR EACH ROW EXECUTE FUNCTION measurement_keep_replaced();

ALTER TABLE measurement_correction ENABLE ROW LEVEL SECURITY;
ALTER TABLE measurement_correction FORCE ROW LEVEL SECURITY;

CREATE POLICY measurement_correction_select ON measurement_correction FOR SELECT
    USING (indicator_visible(tenant_id, indicator_id));
-- measurement_keep_replaced() only: the owner writes into the workstream owner's partition while it runs.
CREATE POLICY measurement_correction_definer_write ON measurement_correction FOR INSERT TO CURRENT_USER
    WITH CHECK (current_setting('app.definer_call', true) = 'measurement');
CREATE POLICY measurement_correction_definer_read ON measurement_correction FOR SELECT TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'measurement');

GRANT SELECT ON measurement_correction TO ${app_role};

-- =============================================================================================
-- assessment, assessment_rating, assessment_recommendation
-- =============================================================================================
CREATE TABLE assessment (
    tenant_id          uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id      uuid        NOT NULL,
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    kind               text        NOT NULL,
    mode               text        NOT NULL DEFAULT 'SELF',
    assessor_name      text        NOT NULL,
    assessor_tenant_id uuid,
    assessed_on        date        NOT NULL,
    findings           text,
    releasability      text        NOT NULL DEFAULT 'PARTICIPANTS',
    rel_to             uuid[]      NOT NULL DEFAULT '{}',
    version            integer     NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assessment_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT assessment_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT assessment_assessor_fk FOREIGN KEY (assessor_tenant_id) REFERENCES tenant (id),
    CONSTRAINT assessment_kind_ck CHECK (kind IN ('INITIAL', 'PERIODIC', 'FINAL')),
    CONSTRAINT assessment_mode_ck CHECK (mode IN ('SELF', 'EXTERNAL')),
    CONSTRAINT assessment_self_ck CHECK (mode = 'EXTERNAL' OR assessor_tenant_id IS NULL OR assessor_tenant_id = tenant_id),
    CONSTRAINT assessment_assessor_name_ck CHECK (char_length(assessor_name) BETWEEN 1 AND 200
                                                  AND btrim(assessor_name) <> ''),
    CONSTRAINT assessment_findings_ck CHECK (findings IS NULL OR (char_length(findings) BETWEEN 1 AND 10000
                                                                 AND btrim(findings) <> '')),
    CONSTRAINT assessment_releasability_ck CHECK (releasability IN ('PRIVATE', 'PARTICIPANTS', 'REL_TO', 'ALL_PARTNERS')),
    CONSTRAINT assessment_rel_to_ck CHECK ((releasability = 'REL_TO') = (cardinality(rel_to) > 0)),
    CONSTRAINT assessment_version_ck CHECK (version >= 0)
);

-- One final assessment per workstream.
CREATE UNIQUE INDEX assessment_final_uk ON assessment (tenant_id, workstream_id) WHERE kind = 'FINAL';

COMMENT ON TABLE assessment IS
    'Initial (baseline), periodic or final assessment of a workstream, by its lead (SELF) or a named organization (EXTERNAL).';

CREATE TRIGGER assessment_release BEFORE INSERT OR UPDATE ON assessment
    FOR EACH ROW EXECUTE FUNCTION check_result_release();
CREATE TRIGGER assessment_rel_to BEFORE INSERT OR UPDATE ON assessment
    FOR EACH ROW EXECUTE FUNCTION check_rel_to();
CREATE TRIGGER assessment_keys BEFORE UPDATE ON assessment
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id');
CREATE TRIGGER assessment_touch BEFORE UPDATE ON assessment
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE assessment ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment FORCE ROW LEVEL SECURITY;

CREATE POLICY assessment_select ON assessment FOR SELECT
    USING (can_see_item(tenant_id, workstream_id, tenant_id, releasability, rel_to));
CREATE POLICY assessment_insert ON assessment FOR INSERT WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY assessment_update ON assessment FOR UPDATE
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY assessment_delete ON assessment FOR DELETE USING (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON assessment TO ${app_role};

-- May the current tenant see this assessment (as the caller; see indicator_visible).
CREATE FUNCTION assessment_visible(p_tenant_id uuid, p_workstream_id uuid, p_assessment_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM assessment a
                    WHERE a.tenant_id = p_tenant_id AND a.workstream_id = p_workstream_id AND a.id = p_assessment_id)
$$;

CREATE TABLE assessment_rating (
    tenant_id     uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id uuid        NOT NULL,
    assessment_id uuid        NOT NULL,
    objective_id  uuid        NOT NULL,
    rating        smallint    NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assessment_rating_pk PRIMARY KEY (tenant_id, workstream_id, assessment_id, objective_id),
    CONSTRAINT assessment_rating_assessment_fk FOREIGN KEY (tenant_id, workstream_id, assessment_id)
        REFERENCES assessment (tenant_id, workstream_id, id) ON DELETE CASCADE,
    -- NO ACTION, not CASCADE: an objective that an assessment rated cannot be removed (the rating would be lost);
    -- checked at the end of the statement, so deleting a whole workstream (whose assessments go too) still works.
    CONSTRAINT assessment_rating_objective_fk FOREIGN KEY (tenant_id, workstream_id, objective_id)
        REFERENCES objective (tenant_id, workstream_id, id) ON DELETE NO ACTION,
    CONSTRAINT assessment_rating_rating_ck CHECK (rating BETWEEN 1 AND 5)
);

COMMENT ON COLUMN assessment_rating.rating IS 'How far the objective was met, 1 (not met) to 5 (fully met).';

CREATE TABLE assessment_recommendation (
    tenant_id       uuid        NOT NULL DEFAULT current_tenant_id(),
    workstream_id   uuid        NOT NULL,
    assessment_id   uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    position        integer     NOT NULL DEFAULT 0,
    text            text        NOT NULL,
    owner_tenant_id uuid        NOT NULL DEFAULT current_tenant_id(),
    due_date        date,
    status          text        NOT NULL DEFAULT 'OPEN',
    version         integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assessment_recommendation_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT assessment_recommendation_assessment_fk FOREIGN KEY (tenant_id, workstream_id, assessment_id)
        REFERENCES assessment (tenant_id, workstream_id, id) ON DELETE CASCADE,
    CONSTRAINT assessment_recommendation_owner_fk FOREIGN KEY (owner_tenant_id) REFERENCES tenant (id),
    CONSTRAINT assessment_recommendation_text_ck CHECK (char_length(text) BETWEEN 1 AND 2000 AND btrim(text) <> ''),
    CONSTRAINT assessment_recommendation_status_ck CHECK (status IN ('OPEN', 'DONE')),
    CONSTRAINT assessment_recommendation_version_ck CHECK (version >= 0)
);

CREATE TRIGGER assessment_recommendation_owner BEFORE INSERT OR UPDATE OF owner_tenant_id ON assessment_recommendation
    FOR EACH ROW EXECUTE FUNCTION check_accepted_participant('owner_tenant_id');
CREATE TRIGGER assessment_recommendation_keys BEFORE UPDATE ON assessment_recommendation
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'assessment_id', 'id');
CREATE TRIGGER assessment_recommendation_touch BEFORE UPDATE ON assessment_recommendation
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER assessment_rating_keys BEFORE UPDATE ON assessment_rating
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'assessment_id', 'objective_id');

DO $$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY ARRAY['assessment_rating', 'assessment_recommendation'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', v_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', v_table);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (assessment_visible(tenant_id, workstream_id, assessment_id))',
                       v_table || '_select', v_table);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (tenant_id = current_tenant_id())',
                       v_table || '_insert', v_table);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (tenant_id = current_tenant_id())',
                       v_table || '_delete', v_table);
    END LOOP;
END
$$;

CREATE POLICY assessment_rating_update ON assessment_rating FOR UPDATE
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- The lead writes recommendations; the owner organization (while it sees the assessment, so an accepted participant it
-- is released to) marks its own OPEN or DONE and changes nothing else (assessment_recommendation_owner_update).
CREATE POLICY assessment_recommendation_update ON assessment_recommendation FOR UPDATE
    USING (tenant_id = current_tenant_id()
           OR (owner_tenant_id = current_tenant_id() AND assessment_visible(tenant_id, workstream_id, assessment_id)))
    WITH CHECK (tenant_id = current_tenant_id()
           OR (owner_tenant_id = current_tenant_id() AND assessment_visible(tenant_id, workstream_id, assessment_id)));

CREATE FUNCTION assessment_recommendation_owner_update() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF current_tenant_id() IS DISTINCT FROM NEW.tenant_id
       AND (NEW.text, NEW.owner_tenant_id, NEW.due_date, NEW.position, NEW.created_at)
           IS DISTINCT FROM (OLD.text, OLD.owner_tenant_id, OLD.due_date, OLD.position, OLD.created_at) THEN
        RAISE EXCEPTION 'a recommendation''s owner marks it open or done; only the lead changes the rest'
            USING ERRCODE = 'insufficient_privilege', TABLE = 'assessment_recommendation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER assessment_recommendation_owner_update BEFORE UPDATE ON assessment_recommendation
    FOR EACH ROW EXECUTE FUNCTION assessment_recommendation_owner_update();

GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_rating, assessment_recommendation TO ${app_role};

-- =============================================================================================
-- The after-action assessment of V2 becomes the FINAL assessment: one per initiative that was assessed (a date,
-- lessons or a rating), SELF, by its lead, released as its workstream, on the day it was recorded; lessons learned
-- become its findings, the objectives' ratings its ratings. As in V30, the owner's forced row-level security and the
-- user triggers are lifted for this step only (ACCESS EXCLUSIVE until commit: nobody sees the tables in between).
-- =============================================================================================
ALTER TABLE tenant NO FORCE ROW LEVEL SECURITY;   -- the lead's name, the assessor of its own final assessment
ALTER TABLE initiative NO FORCE ROW LEVEL SECURITY;
ALTER TABLE objective NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workstream NO FORCE ROW LEVEL SECURITY;
ALTER TABLE assessment NO FORCE ROW LEVEL SECURITY;
ALTER TABLE assessment_rating NO FORCE ROW LEVEL SECURITY;
ALTER TABLE assessment DISABLE TRIGGER USER;

INSERT INTO assessment (tenant_id, workstream_id, kind, mode, assessor_name, assessed_on, findings, releasability,
                        rel_to, created_at, updated_at)
SELECT i.tenant_id, i.workstream_id, 'FINAL', 'SELF', left(t.name, 200),
       coalesce(i.assessed_at, i.updated_at)::date,
       CASE WHEN btrim(coalesce(i.lessons_learned, '')) <> '' THEN left(i.lessons_learned, 10000) END,
       w.releasability, w.rel_to, coalesce(i.assessed_at, i.updated_at), coalesce(i.assessed_at, i.updated_at)
  FROM initiative i
  JOIN workstream w ON w.tenant_id = i.tenant_id AND w.id = i.workstream_id
  JOIN tenant t ON t.id = i.tenant_id
 WHERE i.assessed_at IS NOT NULL OR btrim(coalesce(i.lessons_learned, '')) <> ''
    OR EXISTS (SELECT 1 FROM objective o WHERE o.tenant_id = i.tenant_id AND o.workstream_id = i.workstream_id
                                          AND o.rating IS NOT NULL);

INSERT INTO assessment_rating (tenant_id, workstream_id, assessment_id, objective_id, rating)
SELECT o.tenant_id, o.workstream_id, a.id, o.id, o.rating
  FROM objective o
  JOIN assessment a ON a.tenant_id = o.tenant_id AND a.workstream_id = o.workstream_id AND a.kind = 'FINAL'
 WHERE o.rating IS NOT NULL;

ALTER TABLE assessment ENABLE TRIGGER USER;
ALTER TABLE assessment_rating FORCE ROW LEVEL SECURITY;
ALTER TABLE assessment FORCE ROW LEVEL SECURITY;
ALTER TABLE workstream FORCE ROW LEVEL SECURITY;
ALTER TABLE objective FORCE ROW LEVEL SECURITY;
ALTER TABLE initiative FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;

ALTER TABLE objective DROP COLUMN rating;
ALTER TABLE initiative DROP COLUMN lessons_learned;
ALTER TABLE initiative DROP COLUMN assessed_at;

-- =============================================================================================
-- Progress and status: the one definition (hand-computed cases in db's IndicatorStatusTest).
--
--   progress ratio  = (actual - baseline) / (target - baseline): 0 at the baseline, 1 at the target, whichever
--                     direction is better (the sign of target - baseline carries it).
--   expected ratio  = where a straight path from (baseline_date, 0) to (target_date, 1) stands on the day the
--                     latest value was measured for (its period's end), clamped to 0..1.
--   status          = NO_BASELINE   no baseline: progress cannot be judged
--                     NOT_MEASURED  a baseline but no value yet
--                     OFF_TRACK     the target date has passed (as of p_as_of) and the target is not reached
--                     ON_TRACK      expected - progress <= 0.10 (ten points of the way behind the path at most)
--                     AT_RISK       expected - progress <= 0.25
--                     OFF_TRACK     further behind
-- =============================================================================================
CREATE FUNCTION indicator_progress_ratio(p_baseline numeric, p_target numeric, p_actual numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = public, pg_temp
AS $$
    SELECT CASE WHEN p_baseline IS NULL OR p_actual IS NULL OR p_target = p_baseline THEN NULL
                ELSE round((p_actual - p_baseline) / (p_target - p_baseline), 4) END
$$;

CREATE FUNCTION indicator_expected_ratio(p_baseline_date date, p_target_date date, p_on date) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = public, pg_temp
AS $$
    SELECT CASE WHEN p_baseline_date IS NULL OR p_on IS NULL OR p_target_date <= p_baseline_date THEN NULL
                ELSE round(least(1, greatest(0, (p_on - p_baseline_date)::numeric
                                                / (p_target_date - p_baseline_date))), 4) END
$$;

CREATE FUNCTION indicator_status(p_baseline numeric, p_baseline_date date, p_target numeric, p_target_date date,
                                 p_actual numeric, p_actual_on date, p_as_of date) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_progress numeric := indicator_progress_ratio(p_baseline, p_target, p_actual);
    v_expected numeric := indicator_expected_ratio(p_baseline_date, p_target_date, p_actual_on);
BEGIN
    IF p_baseline IS NULL OR p_baseline_date IS NULL THEN
        RETURN 'NO_BASELINE';
    ELSIF p_actual IS NULL THEN
        RETURN 'NOT_MEASURED';
    ELSIF p_as_of > p_target_date AND v_progress < 1 THEN
        RETURN 'OFF_TRACK';
    ELSIF v_expected - v_progress <= 0.10 THEN
        RETURN 'ON_TRACK';
    ELSIF v_expected - v_progress <= 0.25 THEN
        RETURN 'AT_RISK';
    END IF;
    RETURN 'OFF_TRACK';
END
$$;

-- The last reporting period (calendar month, quarter or year) that ended before p_as_of, if it lies within the
-- indicator's life (from p_from, its baseline date or creation, to p_until, its target date); else no row.
CREATE FUNCTION measurement_due_period(p_frequency text, p_from date, p_until date, p_as_of date)
    RETURNS TABLE (period_start date, period_end date)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = public, pg_temp
AS $$
    WITH p AS (
        SELECT CASE p_frequency WHEN 'MONTHLY' THEN 'month' WHEN 'QUARTERLY' THEN 'quarter' ELSE 'year' END AS unit,
               CASE p_frequency WHEN 'MONTHLY' THEN interval '1 month' WHEN 'QUARTERLY' THEN interval '3 months'
                                ELSE interval '1 year' END AS step
    ), q AS (
        SELECT (date_trunc(p.unit, p_as_of::timestamp) - p.step)::date AS period_start,
               (date_trunc(p.unit, p_as_of::timestamp) - interval '1 day')::date AS period_end
          FROM p
    )
    SELECT q.period_start, q.period_end FROM q
     WHERE q.period_end >= p_from AND q.period_start <= p_until
$$;

-- Every indicator the reader may see, with its latest total, progress, status (as of today) and whether the last
-- ended period still lacks a value: overdue only while the workstream is ACTIVE (nobody reports on a proposed,
-- approved-but-not-started, completed or cancelled one). security_invoker: the reader's own row-level security applies (the analytics
-- role, which bypasses it, copies every row into the snapshot).
CREATE VIEW indicator_progress WITH (security_invoker = true) AS
SELECT i.tenant_id,
       i.workstream_id,
       i.id AS indicator_id,
       i.objective_id,
       i.responsible_tenant_id,
       i.unit,
       i.direction,
       i.frequency,
       i.baseline_value,
       i.baseline_date,
       i.target_value,
       i.target_date,
       i.releasability,
       l.value AS latest_value,
       l.period_end AS latest_period_end,
       coalesce(l.measurements, 0) AS measurements,
       indicator_progress_ratio(i.baseline_value, i.target_value, l.value) AS progress_ratio,
       indicator_expected_ratio(i.baseline_date, i.target_date, l.period_end) AS expected_ratio,
       indicator_status(i.baseline_value, i.baseline_date, i.target_value, i.target_date, l.value, l.period_end,
                        current_date) AS status,
       d.period_start AS due_period_start,
       d.period_end AS due_period_end,
       (d.period_start IS NOT NULL
        AND EXISTS (SELECT 1 FROM workstream w
                     WHERE w.tenant_id = i.tenant_id AND w.id = i.workstream_id AND w.status = 'ACTIVE')
        AND NOT EXISTS (
            SELECT 1 FROM measurement m
             WHERE m.tenant_id = i.tenant_id AND m.workstream_id = i.workstream_id AND m.indicator_id = i.id
               AND m.partner_tenant_id IS NULL
               AND m.period_start <= d.period_end AND m.period_end >= d.period_start)) AS overdue
  FROM indicator i
  LEFT JOIN LATERAL (
        SELECT m.value, m.period_end, count(*) OVER () AS measurements
          FROM measurement m
         WHERE m.tenant_id = i.tenant_id AND m.workstream_id = i.workstream_id AND m.indicator_id = i.id
           AND m.partner_tenant_id IS NULL
         ORDER BY m.period_end DESC, m.period_start DESC
         LIMIT 1) l ON true
  LEFT JOIN LATERAL measurement_due_period(i.frequency, coalesce(i.baseline_date, i.created_at::date), i.target_date,
                                           current_date) d ON true;

COMMENT ON VIEW indicator_progress IS
    'Progress and status of every indicator the reader may see (indicator_status), and whether a measurement is overdue.';

GRANT SELECT ON indicator_progress TO ${app_role};

-- =============================================================================================
-- Reminders in the bell when a measurement is due.
-- =============================================================================================
ALTER TABLE notification DROP CONSTRAINT notification_kind_ck;
ALTER TABLE notification ADD CONSTRAINT notification_kind_ck CHECK (kind IN (
    'INVITATION', 'MENTION', 'MILESTONE_DUE', 'MILESTONE_OVERDUE', 'STATUS_CHANGE', 'BRIEFING_READY', 'BRIEFING_FAILED',
    'MEASUREMENT_DUE'));

-- =============================================================================================
-- The Results review briefing (the analytics engine's BriefingKind.RESULTS_REVIEW) may be generated and subscribed to.
-- =============================================================================================
ALTER TABLE briefing DROP CONSTRAINT briefing_kind_ck;
ALTER TABLE briefing ADD CONSTRAINT briefing_kind_ck CHECK (kind IN (
    'BURDEN_SHARING', 'PORTFOLIO_REVIEW', 'RND_STATUS', 'ENGAGEMENT_RISK', 'RESULTS_REVIEW', 'FULL'));
ALTER TABLE briefing_subscription DROP CONSTRAINT briefing_subscription_kind_ck;
ALTER TABLE briefing_subscription ADD CONSTRAINT briefing_subscription_kind_ck CHECK (kind IN (
    'BURDEN_SHARING', 'PORTFOLIO_REVIEW', 'RND_STATUS', 'ENGAGEMENT_RISK', 'RESULTS_REVIEW', 'FULL'));

-- =============================================================================================
-- Function privileges
-- =============================================================================================
REVOKE ALL ON FUNCTION unit_admits(text, numeric), releasability_width(text), check_result_release(),
    indicator_visible(uuid, uuid), may_measure(uuid, uuid, uuid), measurement_check(), measurement_keep_replaced(),
    assessment_visible(uuid, uuid, uuid), assessment_recommendation_owner_update(), indicator_progress_ratio(numeric, numeric, numeric),
    indicator_expected_ratio(date, date, date), indicator_status(numeric, date, numeric, date, numeric, date, date),
    measurement_due_period(text, date, date, date)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION unit_admits(text, numeric), indicator_visible(uuid, uuid), may_measure(uuid, uuid, uuid),
    assessment_visible(uuid, uuid, uuid), indicator_progress_ratio(numeric, numeric, numeric),
    indicator_expected_ratio(date, date, date), indicator_status(numeric, date, numeric, date, numeric, date, date),
    measurement_due_period(text, date, date, date)
    TO ${app_role};

-- =============================================================================================
-- The analytics role reads the results chain's figures (no definitions, findings, notes or names) and the progress
-- view; that view is security_invoker, so the role also executes the status functions it calls.
-- =============================================================================================
CREATE OR REPLACE FUNCTION grant_analytics_read(p_role text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_grant record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_role) THEN
        RAISE EXCEPTION 'role "%" does not exist', p_role USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', p_role);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', p_role);
    EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %I', p_role);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', p_role);
    FOR v_grant IN
        SELECT * FROM (VALUES
            ('tenant',        'id, alias, name, kind, region, status, capacity_index'),
            ('workstream',    'tenant_id, id, kind, status, releasability, rel_to, region, start_date, end_date, created_at'),
            ('participation', 'tenant_id, workstream_id, participant_tenant_id, role, status'),
            ('initiative',    'tenant_id, workstream_id, mechanism'),
            ('rnd_project',   'tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target'),
            ('work_package',  'tenant_id, workstream_id, id, lead_tenant_id, budget_eur'),
            ('deliverable',   'tenant_id, workstream_id, id, work_package_id, due_date, status, submitted_on'),
            ('engagement',    'tenant_id, workstream_id, party_tenant_id, engagement_type, vetting_status, '
                              'agreement_valid_from, agreement_valid_to, risk_rating'),
            ('contribution',  'tenant_id, workstream_id, id, contributor_tenant_id, type, unit, pledged_eur, '
                              'delivered_eur, pledged_on, delivered_on, releasability, rel_to'),
            ('milestone',     'tenant_id, workstream_id, id, owner_tenant_id, planned_date, actual_date, status'),
            ('activity',      'tenant_id, workstream_id, id, actor_tenant_id, verb, item_type, item_tenant_id, '
                              'releasability, rel_to, at'),
            ('publication_consent', 'tenant_id, grantee_tenant_id, granted_at'),
            ('tenant_capacity',     'tenant_id, year, capacity_eur'),
            ('indicator',     'tenant_id, workstream_id, id, objective_id, unit, direction, disaggregation, '
                              'baseline_value, baseline_date, target_value, target_date, frequency, '
                              'responsible_tenant_id, releasability, rel_to, created_at'),
            ('measurement',   'tenant_id, workstream_id, indicator_id, id, period_start, period_end, partner_tenant_id, '
                              'value'),
            ('indicator_progress', 'tenant_id, workstream_id, indicator_id, objective_id, responsible_tenant_id, unit, '
                              'direction, frequency, baseline_value, baseline_date, target_value, target_date, '
                              'releasability, latest_value, latest_period_end, measurements, progress_ratio, '
                              'expected_ratio, status, due_period_start, due_period_end, overdue'),
            ('assessment',    'tenant_id, workstream_id, id, kind, mode, assessor_tenant_id, assessed_on, '
                              'releasability, rel_to'),
            ('assessment_recommendation', 'tenant_id, workstream_id, assessment_id, id, owner_tenant_id, due_date, status')
        ) AS g (table_name, column_list)
    LOOP
        -- The column list is this function's own constant text, not input.
        EXECUTE format('GRANT SELECT (%s) ON TABLE %I TO %I', v_grant.column_list, v_grant.table_name, p_role);
    END LOOP;
    EXECUTE format('GRANT EXECUTE ON FUNCTION indicator_progress_ratio(numeric, numeric, numeric), '
                   'indicator_expected_ratio(date, date, date), '
                   'indicator_status(numeric, date, numeric, date, numeric, date, date), '
                   'measurement_due_period(text, date, date, date) TO %I', p_role);
END
$$;

REVOKE ALL ON FUNCTION grant_analytics_read(text) FROM PUBLIC;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = '${analytics_role}') THEN
        PERFORM grant_analytics_read('${analytics_role}');
    END IF;
END
$$;
