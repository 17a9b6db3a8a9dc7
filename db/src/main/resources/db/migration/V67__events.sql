-- Events inside a workstream (issue #21): exercises, conferences, courses, meetings, evaluation visits.
--
-- Partition: the workstream owner's (tenant_id = the lead), like milestones; only the lead writes them.
-- Time: the instants starts_at/ends_at plus the event's own IANA zone, so that an event in Honolulu is shown in
-- Honolulu's local time and in the viewer's, and an iCalendar export can name its VTIMEZONE.
-- Who may see an event: the lead, and accepted participants the event is released to (can_see_item, the one
-- visibility mechanism). Its releasability is never wider than the workstream's (V51's check_result_release).
-- sequence: the iCalendar SEQUENCE; the app raises it when the time moves or the event is cancelled, so that a
-- calendar client replaces what it holds (RFC 5545 3.8.7.4).

CREATE TABLE event (
    tenant_id         uuid        NOT NULL,
    workstream_id     uuid        NOT NULL,
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    type              text        NOT NULL,
    title             text        NOT NULL,
    description       text        NOT NULL DEFAULT '',
    location_name     text        NOT NULL DEFAULT '',
    latitude          numeric(8,5),
    longitude         numeric(8,5),
    online_link       text,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    zone              text        NOT NULL,
    releasability     text        NOT NULL DEFAULT 'PARTICIPANTS',
    rel_to            uuid[]      NOT NULL DEFAULT '{}',
    capacity          integer,
    quota_per_org     integer,
    registration_open boolean     NOT NULL DEFAULT true,
    status            text        NOT NULL DEFAULT 'SCHEDULED',
    sequence          integer     NOT NULL DEFAULT 0,
    created_by        uuid                 DEFAULT current_member_id(),
    version           integer     NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT event_pk PRIMARY KEY (tenant_id, workstream_id, id),
    CONSTRAINT event_id_uk UNIQUE (tenant_id, id),
    CONSTRAINT event_workstream_fk FOREIGN KEY (tenant_id, workstream_id)
        REFERENCES workstream (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT event_type_ck CHECK (type IN ('EXERCISE', 'CONFERENCE', 'COURSE', 'MEETING', 'EVALUATION_VISIT', 'OTHER')),
    CONSTRAINT event_title_ck CHECK (char_length(title) BETWEEN 1 AND 200 AND btrim(title) <> ''),
    CONSTRAINT event_description_ck CHECK (char_length(description) <= 5000),
    CONSTRAINT event_location_ck CHECK (char_length(location_name) <= 200),
    CONSTRAINT event_coordinates_ck CHECK ((latitude IS NULL) = (longitude IS NULL)
        AND latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180),
    -- Only web links: a javascript: or data: address must never reach a calendar client or a page.
    CONSTRAINT event_online_link_ck CHECK (online_link IS NULL
        OR (char_length(online_link) <= 500 AND online_link ~* '^https?://[^[:space:][:cntrl:]]+$')),
    CONSTRAINT event_times_ck CHECK (ends_at >= starts_at),
    CONSTRAINT event_zone_ck CHECK (char_length(zone) BETWEEN 1 AND 64 AND zone ~ '^[A-Za-z0-9_+/-]+$'),
    CONSTRAINT event_releasability_ck CHECK (releasability IN ('PRIVATE', 'PARTICIPANTS', 'REL_TO', 'ALL_PARTNERS')),
    CONSTRAINT event_rel_to_ck CHECK ((releasability = 'REL_TO') = (cardinality(rel_to) > 0)),
    CONSTRAINT event_rel_to_nulls_ck CHECK (array_position(rel_to, NULL) IS NULL),
    CONSTRAINT event_capacity_ck CHECK (capacity IS NULL OR capacity > 0),
    CONSTRAINT event_quota_ck CHECK (quota_per_org IS NULL OR quota_per_org > 0),
    CONSTRAINT event_status_ck CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    CONSTRAINT event_sequence_ck CHECK (sequence >= 0),
    CONSTRAINT event_version_ck CHECK (version >= 0)
);

CREATE INDEX event_starts_at_ix ON event (starts_at);

COMMENT ON TABLE event IS
    'An event of a workstream (exercise, course, ...), in the lead''s partition; instants plus the event''s IANA zone.';
COMMENT ON COLUMN event.sequence IS 'iCalendar SEQUENCE: raised when the time moves or the event is cancelled.';
COMMENT ON COLUMN event.quota_per_org IS 'At most this many REGISTERED people per organization; null = no quota.';

CREATE TRIGGER event_release BEFORE INSERT OR UPDATE ON event
    FOR EACH ROW EXECUTE FUNCTION check_result_release();
CREATE TRIGGER event_rel_to BEFORE INSERT OR UPDATE ON event
    FOR EACH ROW EXECUTE FUNCTION check_rel_to();
CREATE TRIGGER event_keys BEFORE UPDATE ON event
    FOR EACH ROW EXECUTE FUNCTION reject_key_change('tenant_id', 'workstream_id', 'id');
CREATE TRIGGER event_touch BEFORE UPDATE ON event
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE event ENABLE ROW LEVEL SECURITY;
ALTER TABLE event FORCE ROW LEVEL SECURITY;

CREATE POLICY event_select ON event FOR SELECT
    USING (can_see_item(tenant_id, workstream_id, tenant_id, releasability, rel_to));
-- The lead plans its workstream's events; nobody else writes them.
CREATE POLICY event_insert ON event FOR INSERT
    WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY event_update ON event FOR UPDATE
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY event_delete ON event FOR DELETE
    USING (tenant_id = current_tenant_id());
-- For V68's registration functions (SECURITY DEFINER): they lock the event row of another tenant's partition
-- while they count its seats. Owner only, and only while such a function has set app.definer_call.
CREATE POLICY event_definer_lock ON event TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

GRANT SELECT, INSERT, UPDATE, DELETE ON event TO ${app_role};
