-- Registration of people for events, with a waiting list, and their feedback after the event (issue #21).
--
-- Partition: the event's (the workstream lead's), so that the lead's list by organization and the seat count are
-- one partition's rows. The person is (member_tenant_id, member_id); their name is copied at registration, because
-- the lead cannot read another organization's member directory.
--
-- Writes only through the functions below (the app role has SELECT only):
--   event_register(tenant, event, member)      the caller registers themselves; a coordinator or tenant-admin of an
--                                              organization may register that organization's own members. Needs the
--                                              event visible to the caller's organization (can_see_item), SCHEDULED,
--                                              registration open and not yet started. REGISTERED while seats (and the
--                                              organization's quota) last, else WAITING at the end of the list.
--   event_cancel_registration(tenant, event, member)   the same people (or the lead) cancel; the waiting list moves up.
--   event_fill(tenant, event)                  the lead, after raising the capacity: the waiting list moves up.
--   event_give_feedback(tenant, event, rating, text)  a REGISTERED person, once the event has ended; one per person.
-- Each takes a row lock on the event first, so concurrent registrations for the last seat are serialized: exactly
-- one gets it, the other waits.
--
-- Who may read: the lead every row of its events; an organization its own people's rows, while it is an accepted
-- participant. Feedback: the lead (to aggregate), and each person their own.
--
-- Errors (SQLSTATE class EN): EN080 event not visible or registration closed; EN081 not allowed to register or
-- cancel for that person; EN082 feedback not allowed (not registered, or the event has not ended).

CREATE TABLE event_registration (
    tenant_id        uuid        NOT NULL,
    workstream_id    uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    member_tenant_id uuid        NOT NULL,
    member_id        uuid        NOT NULL,
    member_name      text        NOT NULL,
    status           text        NOT NULL,
    position         integer     NOT NULL,
    registered_by    uuid                 DEFAULT current_member_id(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT event_registration_pk PRIMARY KEY (tenant_id, event_id, member_tenant_id, member_id),
    CONSTRAINT event_registration_event_fk FOREIGN KEY (tenant_id, workstream_id, event_id)
        REFERENCES event (tenant_id, workstream_id, id) ON DELETE CASCADE,
    CONSTRAINT event_registration_member_tenant_fk FOREIGN KEY (member_tenant_id) REFERENCES tenant (id),
    CONSTRAINT event_registration_status_ck CHECK (status IN ('REGISTERED', 'WAITING', 'CANCELLED')),
    CONSTRAINT event_registration_position_ck CHECK (position >= 0),
    CONSTRAINT event_registration_name_ck CHECK (char_length(member_name) BETWEEN 1 AND 300)
);

CREATE INDEX event_registration_member_ix ON event_registration (member_tenant_id, member_id);

COMMENT ON TABLE event_registration IS
    'Who registered for an event (REGISTERED, WAITING in position order, or CANCELLED); in the event''s partition.';

CREATE TRIGGER event_registration_touch BEFORE UPDATE ON event_registration
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE event_registration ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_registration FORCE ROW LEVEL SECURITY;

CREATE POLICY event_registration_select ON event_registration FOR SELECT
    USING (tenant_id = current_tenant_id()
           OR (member_tenant_id = current_tenant_id() AND is_accepted_participant(tenant_id, workstream_id)));
CREATE POLICY event_registration_definer_write ON event_registration TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

GRANT SELECT ON event_registration TO ${app_role};

CREATE TABLE event_feedback (
    tenant_id        uuid        NOT NULL,
    workstream_id    uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    member_tenant_id uuid        NOT NULL,
    member_id        uuid        NOT NULL,
    rating           integer     NOT NULL,
    comment          text        NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT event_feedback_pk PRIMARY KEY (tenant_id, event_id, member_tenant_id, member_id),
    CONSTRAINT event_feedback_registration_fk FOREIGN KEY (tenant_id, event_id, member_tenant_id, member_id)
        REFERENCES event_registration (tenant_id, event_id, member_tenant_id, member_id) ON DELETE CASCADE,
    CONSTRAINT event_feedback_rating_ck CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT event_feedback_comment_ck CHECK (char_length(comment) <= 2000)
);

COMMENT ON TABLE event_feedback IS 'One rating (1-5) and comment per registered person, after the event.';

CREATE TRIGGER event_feedback_touch BEFORE UPDATE ON event_feedback
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE event_feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_feedback FORCE ROW LEVEL SECURITY;

CREATE POLICY event_feedback_select ON event_feedback FOR SELECT
    USING (tenant_id = current_tenant_id()
           OR (member_tenant_id = current_tenant_id() AND member_id = current_member_id()));
CREATE POLICY event_feedback_definer_write ON event_feedback TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

GRANT SELECT ON event_feedback TO ${app_role};

-- The waiting list moves up while seats (and each organization's quota) allow; returns who got a seat.
-- Internal: the caller holds the event's row lock and has app.definer_call on.
CREATE FUNCTION event_promote_waiting(p_tenant_id uuid, p_event_id uuid)
    RETURNS TABLE (member_tenant_id uuid, member_id uuid)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_capacity integer;
    v_quota    integer;
    v_taken    integer;
    v_next     record;
BEGIN
    SELECT e.capacity, e.quota_per_org INTO v_capacity, v_quota FROM event e
     WHERE e.tenant_id = p_tenant_id AND e.id = p_event_id;
    FOR v_next IN
        SELECT r.member_tenant_id AS t, r.member_id AS m FROM event_registration r
         WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id AND r.status = 'WAITING'
         ORDER BY r.position, r.created_at
    LOOP
        SELECT count(*) INTO v_taken FROM event_registration r
         WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id AND r.status = 'REGISTERED';
        EXIT WHEN v_capacity IS NOT NULL AND v_taken >= v_capacity;
        -- Someone whose organization is at its quota keeps their place; the next one may still move up.
        CONTINUE WHEN v_quota IS NOT NULL AND (SELECT count(*) FROM event_registration r
             WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id AND r.status = 'REGISTERED'
               AND r.member_tenant_id = v_next.t) >= v_quota;
        UPDATE event_registration r SET status = 'REGISTERED', position = 0
         WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id AND r.member_tenant_id = v_next.t
           AND r.member_id = v_next.m;
        member_tenant_id := v_next.t;
        member_id := v_next.m;
        RETURN NEXT;
    END LOOP;
END
$$;

-- Visible to the calling organization, and lockable: the event's row as the caller may see it, locked.
CREATE FUNCTION event_lock_visible(p_tenant_id uuid, p_event_id uuid) RETURNS event
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_event event;
BEGIN
    -- Read under event_select first (definer_call off): what the caller's organization may see.
    SELECT * INTO v_event FROM event e WHERE e.tenant_id = p_tenant_id AND e.id = p_event_id;
    IF NOT FOUND OR current_tenant_id() IS NULL
       OR NOT is_accepted_participant(v_event.tenant_id, v_event.workstream_id) THEN
        RAISE EXCEPTION 'event not found' USING ERRCODE = 'EN080';
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    SELECT * INTO v_event FROM event e WHERE e.tenant_id = p_tenant_id AND e.id = p_event_id FOR UPDATE;
    RETURN v_event;
END
$$;

-- May the caller act for p_member of their own organization: themselves, or as its coordinator or tenant-admin.
CREATE FUNCTION event_may_act_for(p_member_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT current_member_id() IS NOT NULL AND p_member_id IS NOT NULL AND (p_member_id = current_member_id()
        OR EXISTS (SELECT 1 FROM member m WHERE m.tenant_id = current_tenant_id() AND m.id = current_member_id()
                      AND m.roles && ARRAY['coordinator', 'tenant-admin']))
$$;

CREATE FUNCTION event_register(p_tenant_id uuid, p_event_id uuid, p_member_id uuid) RETURNS text
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_event    event;
    v_name     text;
    v_current  text;
    v_taken    integer;
    v_org      integer;
    v_status   text;
    v_position integer := 0;
BEGIN
    IF NOT event_may_act_for(p_member_id) THEN
        RAISE EXCEPTION 'only the person, or a coordinator of their own organization, registers them'
            USING ERRCODE = 'EN081';
    END IF;
    -- The person must belong to the caller's own organization (read under member's own tenant policy).
    SELECT m.display_name INTO v_name FROM member m WHERE m.tenant_id = current_tenant_id() AND m.id = p_member_id;
    IF v_name IS NULL THEN
        RAISE EXCEPTION 'no such member in the calling organization' USING ERRCODE = 'EN081';
    END IF;
    v_event := event_lock_visible(p_tenant_id, p_event_id);
    IF v_event.status <> 'SCHEDULED' OR NOT v_event.registration_open OR v_event.starts_at <= now() THEN
        PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
        RAISE EXCEPTION 'registration for this event is closed' USING ERRCODE = 'EN080';
    END IF;
    SELECT r.status INTO v_current FROM event_registration r
     WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id
       AND r.member_tenant_id = current_tenant_id() AND r.member_id = p_member_id;
    IF v_current IN ('REGISTERED', 'WAITING') THEN
        PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
        RETURN v_current;
    END IF;
    SELECT count(*) FILTER (WHERE true), count(*) FILTER (WHERE r.member_tenant_id = current_tenant_id())
      INTO v_taken, v_org
      FROM event_registration r
     WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id AND r.status = 'REGISTERED';
    -- Nobody jumps the queue: with people waiting, a newcomer waits too.
    IF (v_event.capacity IS NULL OR v_taken < v_event.capacity)
       AND (v_event.quota_per_org IS NULL OR v_org < v_event.quota_per_org)
       AND NOT EXISTS (SELECT 1 FROM event_registration r WHERE r.tenant_id = p_tenant_id
                          AND r.event_id = p_event_id AND r.status = 'WAITING') THEN
        v_status := 'REGISTERED';
    ELSE
        v_status := 'WAITING';
        SELECT coalesce(max(r.position), 0) + 1 INTO v_position FROM event_registration r
         WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id;
    END IF;
    INSERT INTO event_registration (tenant_id, workstream_id, event_id, member_tenant_id, member_id, member_name,
                                    status, position)
    VALUES (p_tenant_id, v_event.workstream_id, p_event_id, current_tenant_id(), p_member_id, v_name, v_status,
            v_position)
    ON CONFLICT ON CONSTRAINT event_registration_pk DO UPDATE
        SET status = EXCLUDED.status, position = EXCLUDED.position, member_name = EXCLUDED.member_name,
            registered_by = EXCLUDED.registered_by, created_at = now();
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN v_status;
END
$$;

-- Cancels a registration (the person, their coordinator, or the lead for anyone); returns who moved up.
CREATE FUNCTION event_cancel_registration(p_tenant_id uuid, p_event_id uuid, p_member_tenant_id uuid,
                                          p_member_id uuid)
    RETURNS TABLE (member_tenant_id uuid, member_id uuid)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_event    event;
BEGIN
    IF NOT (p_tenant_id = current_tenant_id()
            OR (p_member_tenant_id = current_tenant_id() AND event_may_act_for(p_member_id))) THEN
        RAISE EXCEPTION 'only the person, a coordinator of their organization or the lead cancels a registration'
            USING ERRCODE = 'EN081';
    END IF;
    v_event := event_lock_visible(p_tenant_id, p_event_id);
    UPDATE event_registration r SET status = 'CANCELLED', position = 0
     WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id AND r.member_tenant_id = p_member_tenant_id
       AND r.member_id = p_member_id AND r.status <> 'CANCELLED';
    IF v_event.status = 'SCHEDULED' THEN
        RETURN QUERY SELECT p.member_tenant_id, p.member_id FROM event_promote_waiting(p_tenant_id, p_event_id) p;
    END IF;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

-- The lead moves the waiting list up (after raising the capacity or a quota); returns who moved up.
CREATE FUNCTION event_fill(p_tenant_id uuid, p_event_id uuid)
    RETURNS TABLE (member_tenant_id uuid, member_id uuid)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_event    event;
BEGIN
    IF p_tenant_id IS DISTINCT FROM current_tenant_id() THEN
        RAISE EXCEPTION 'only the lead fills an event from its waiting list' USING ERRCODE = 'EN081';
    END IF;
    v_event := event_lock_visible(p_tenant_id, p_event_id);
    IF v_event.status = 'SCHEDULED' THEN
        RETURN QUERY SELECT p.member_tenant_id, p.member_id FROM event_promote_waiting(p_tenant_id, p_event_id) p;
    END IF;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

CREATE FUNCTION event_give_feedback(p_tenant_id uuid, p_event_id uuid, p_rating integer, p_comment text)
    RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_event    event;
BEGIN
    IF current_member_id() IS NULL THEN
        RAISE EXCEPTION 'feedback is given by a person' USING ERRCODE = 'EN082';
    END IF;
    v_event := event_lock_visible(p_tenant_id, p_event_id);
    IF v_event.ends_at > now() OR v_event.status <> 'SCHEDULED' OR NOT EXISTS (
            SELECT 1 FROM event_registration r WHERE r.tenant_id = p_tenant_id AND r.event_id = p_event_id
               AND r.member_tenant_id = current_tenant_id() AND r.member_id = current_member_id()
               AND r.status = 'REGISTERED') THEN
        PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
        RAISE EXCEPTION 'feedback is for registered people once the event has ended' USING ERRCODE = 'EN082';
    END IF;
    INSERT INTO event_feedback (tenant_id, workstream_id, event_id, member_tenant_id, member_id, rating, comment)
    VALUES (p_tenant_id, v_event.workstream_id, p_event_id, current_tenant_id(), current_member_id(), p_rating,
            coalesce(p_comment, ''))
    ON CONFLICT ON CONSTRAINT event_feedback_pk DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

REVOKE ALL ON FUNCTION event_promote_waiting(uuid, uuid), event_lock_visible(uuid, uuid), event_may_act_for(uuid),
    event_register(uuid, uuid, uuid), event_cancel_registration(uuid, uuid, uuid, uuid), event_fill(uuid, uuid),
    event_give_feedback(uuid, uuid, integer, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION event_register(uuid, uuid, uuid), event_cancel_registration(uuid, uuid, uuid, uuid),
    event_fill(uuid, uuid), event_give_feedback(uuid, uuid, integer, text)
    TO ${app_role};
