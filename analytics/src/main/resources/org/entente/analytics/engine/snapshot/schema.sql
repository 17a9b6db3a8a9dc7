-- The analytics snapshot's tables (DuckDB). Every table is a copy of the PostgreSQL table of the same
-- name, limited to the columns the role entente_analytics may read (see V30__analytics.sql, V50 and V51): no titles,
-- descriptions, comment bodies, file contents or e-mail addresses ever reach the snapshot.
-- rel_to arrays are normalized into *_rel_to tables, so the visibility rule (visibility.sql) stays
-- standard SQL that a distributed engine can run on the Parquet copy as well.
-- The declarations are standard SQL too (DOUBLE PRECISION, not DuckDB's DOUBLE): the benchmark runs this file
-- unchanged on PostgreSQL (SnapshotSchemaPortabilityTest) and Spark reads its column types.

CREATE TABLE tenant (
    id             UUID NOT NULL,
    alias          VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,   -- STATE, ALLIANCE, IGO, NGO, PRIVATE_SECURITY, CORPORATION, ACADEMIA
    region         VARCHAR,
    status         VARCHAR NOT NULL,   -- ACTIVE, SUSPENDED, OFFBOARDED
    capacity_index DECIMAL(8, 2)       -- fair-share weight; null = not assessed
);

CREATE TABLE workstream (
    tenant_id     UUID NOT NULL,       -- the lead (owner) tenant
    id            UUID NOT NULL,
    kind          VARCHAR NOT NULL,    -- INITIATIVE, RND_PROJECT, ENGAGEMENT
    status        VARCHAR NOT NULL,    -- PROPOSED, APPROVED, ACTIVE, COMPLETED, CANCELLED
    releasability VARCHAR NOT NULL,    -- PRIVATE, PARTICIPANTS, REL_TO, ALL_PARTNERS
    region        VARCHAR,
    start_date    DATE,
    end_date      DATE,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE workstream_rel_to (
    tenant_id     UUID NOT NULL,
    workstream_id UUID NOT NULL,
    rel_tenant_id UUID NOT NULL
);

CREATE TABLE participation (
    tenant_id             UUID NOT NULL,
    workstream_id         UUID NOT NULL,
    participant_tenant_id UUID NOT NULL,
    role                  VARCHAR NOT NULL,  -- LEAD, CONTRIBUTOR, OBSERVER
    status                VARCHAR NOT NULL   -- INVITED, ACCEPTED, DECLINED, WITHDRAWN
);

CREATE TABLE initiative (
    tenant_id     UUID NOT NULL,
    workstream_id UUID NOT NULL,
    mechanism     VARCHAR NOT NULL
);

CREATE TABLE rnd_project (
    tenant_id       UUID NOT NULL,
    workstream_id   UUID NOT NULL,
    technology_area VARCHAR NOT NULL,
    trl_start       SMALLINT NOT NULL,
    trl_current     SMALLINT NOT NULL,
    trl_target      SMALLINT NOT NULL
);

CREATE TABLE work_package (
    tenant_id      UUID NOT NULL,
    workstream_id  UUID NOT NULL,
    id             UUID NOT NULL,
    lead_tenant_id UUID NOT NULL,
    budget_eur     DECIMAL(18, 2) NOT NULL
);

CREATE TABLE deliverable (
    tenant_id       UUID NOT NULL,
    workstream_id   UUID NOT NULL,
    id              UUID NOT NULL,
    work_package_id UUID NOT NULL,
    due_date        DATE,
    status          VARCHAR NOT NULL,   -- PLANNED, SUBMITTED, ACCEPTED
    submitted_on    DATE
);

CREATE TABLE engagement (
    tenant_id            UUID NOT NULL,
    workstream_id        UUID NOT NULL,
    party_tenant_id      UUID,          -- null: a party outside Entente
    engagement_type      VARCHAR NOT NULL,
    vetting_status       VARCHAR NOT NULL,  -- NOT_STARTED, IN_REVIEW, CLEARED, REJECTED
    agreement_valid_from DATE,
    agreement_valid_to   DATE,
    risk_rating          VARCHAR         -- LOW, MEDIUM, HIGH, CRITICAL; null = not rated
);

CREATE TABLE contribution (
    tenant_id             UUID NOT NULL,   -- the workstream's lead (partition)
    workstream_id         UUID NOT NULL,
    id                    UUID NOT NULL,
    contributor_tenant_id UUID NOT NULL,
    type                  VARCHAR NOT NULL, -- FUNDING, PERSONNEL, EQUIPMENT, IN_KIND
    unit                  VARCHAR NOT NULL,
    pledged_eur           DECIMAL(18, 2) NOT NULL,
    delivered_eur         DECIMAL(18, 2) NOT NULL,
    pledged_on            DATE NOT NULL,
    delivered_on          DATE,             -- last delivery; null = nothing delivered
    releasability         VARCHAR NOT NULL
);

CREATE TABLE contribution_rel_to (
    tenant_id       UUID NOT NULL,
    workstream_id   UUID NOT NULL,
    contribution_id UUID NOT NULL,
    rel_tenant_id   UUID NOT NULL
);

CREATE TABLE milestone (
    tenant_id       UUID NOT NULL,
    workstream_id   UUID NOT NULL,
    id              UUID NOT NULL,
    owner_tenant_id UUID NOT NULL,
    planned_date    DATE NOT NULL,
    actual_date     DATE,
    status          VARCHAR NOT NULL   -- PLANNED, IN_PROGRESS, DONE, CANCELLED
);

CREATE TABLE activity (
    tenant_id       UUID NOT NULL,
    workstream_id   UUID NOT NULL,
    id              BIGINT NOT NULL,
    actor_tenant_id UUID NOT NULL,
    verb            VARCHAR NOT NULL,
    item_type       VARCHAR,
    item_tenant_id  UUID NOT NULL,
    releasability   VARCHAR NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL  -- activity.at in PostgreSQL ("at" is reserved in DuckDB)
);

CREATE TABLE activity_rel_to (
    tenant_id     UUID NOT NULL,
    workstream_id UUID NOT NULL,
    activity_id   BIGINT NOT NULL,
    rel_tenant_id UUID NOT NULL
);

-- Current publication consent (V50): the organization tenant_id (the grantor) publishes its own aggregate figures
-- unsuppressed to the coordinators of grantee_tenant_id. A revocation takes effect with the next snapshot.
CREATE TABLE publication_consent (
    tenant_id         UUID NOT NULL,   -- the grantor
    grantee_tenant_id UUID NOT NULL,   -- the organization whose coordinators see the grantor's own figures
    granted_at        TIMESTAMPTZ NOT NULL
);

-- An organization's capacity per year (V50): a state's GDP, another organization's budget, in EUR (> 0). The
-- burden figures divide by it (scope.sql picks the figure of the pledge year, or the nearest year with one).
CREATE TABLE tenant_capacity (
    tenant_id    UUID NOT NULL,
    year         INTEGER NOT NULL,
    capacity_eur DECIMAL(20, 2) NOT NULL
);

-- The results chain (V51). An indicator as an item of its workstream: its releasability (rel_to in indicator_rel_to)
-- decides who sees it and its measurements; definitions, notes and sources never leave PostgreSQL.
CREATE TABLE indicator (
    tenant_id             UUID NOT NULL,   -- the workstream's lead (partition)
    workstream_id         UUID NOT NULL,
    id                    UUID NOT NULL,
    objective_id          UUID NOT NULL,
    disaggregation        VARCHAR NOT NULL, -- NONE, BY_PARTNER
    responsible_tenant_id UUID NOT NULL,    -- who enters its measurements (the lead or an accepted contributor)
    releasability         VARCHAR NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE indicator_rel_to (
    tenant_id     UUID NOT NULL,
    workstream_id UUID NOT NULL,
    indicator_id  UUID NOT NULL,
    rel_tenant_id UUID NOT NULL
);

-- PostgreSQL's view indicator_progress (V51), the one place progress and status are computed, as of the snapshot:
-- status and overdue are those of the snapshot's transaction date (= snapshot_info.as_of_date). One row per indicator;
-- visibility follows the indicator's.
CREATE TABLE indicator_progress (
    tenant_id             UUID NOT NULL,
    workstream_id         UUID NOT NULL,
    indicator_id          UUID NOT NULL,
    objective_id          UUID NOT NULL,
    responsible_tenant_id UUID NOT NULL,
    unit                  VARCHAR NOT NULL,   -- NUMBER, PERCENT, EUR, YES_NO, SCALE_1_5
    direction             VARCHAR NOT NULL,   -- HIGHER, LOWER (is better)
    frequency             VARCHAR NOT NULL,   -- MONTHLY, QUARTERLY, YEARLY
    baseline_value        DECIMAL(18, 4),     -- null: no baseline
    baseline_date         DATE,
    target_value          DECIMAL(18, 4) NOT NULL,
    target_date           DATE NOT NULL,
    releasability         VARCHAR NOT NULL,
    latest_value          DECIMAL(18, 4),     -- the latest total (partner_tenant_id null); null: not measured yet
    latest_period_end     DATE,
    measurements          BIGINT NOT NULL,    -- totals measured so far
    progress_ratio        DOUBLE PRECISION,   -- 0 at the baseline, 1 at the target (a double: unbounded beyond it)
    expected_ratio        DOUBLE PRECISION,   -- where the straight path stands at latest_period_end, 0..1
    status                VARCHAR NOT NULL,   -- ON_TRACK, AT_RISK, OFF_TRACK, NOT_MEASURED, NO_BASELINE
    due_period_start      DATE,               -- the last ended reporting period within the indicator's life
    due_period_end        DATE,
    overdue               BOOLEAN NOT NULL    -- that period has no value yet
);

-- Assessments (initial, periodic, final) as items of their workstream, released like one (rel_to in
-- assessment_rel_to); their recommendations follow them. Findings, names and texts never leave PostgreSQL.
CREATE TABLE assessment (
    tenant_id          UUID NOT NULL,   -- the workstream's lead (partition)
    workstream_id      UUID NOT NULL,
    id                 UUID NOT NULL,
    kind               VARCHAR NOT NULL,   -- INITIAL, PERIODIC, FINAL
    mode               VARCHAR NOT NULL,   -- SELF, EXTERNAL
    assessor_tenant_id UUID,               -- the assessing organization, if it is one of the federation's
    assessed_on        DATE NOT NULL,
    releasability      VARCHAR NOT NULL
);

CREATE TABLE assessment_rel_to (
    tenant_id     UUID NOT NULL,
    workstream_id UUID NOT NULL,
    assessment_id UUID NOT NULL,
    rel_tenant_id UUID NOT NULL
);

CREATE TABLE assessment_recommendation (
    tenant_id       UUID NOT NULL,
    workstream_id   UUID NOT NULL,
    assessment_id   UUID NOT NULL,
    id              UUID NOT NULL,
    owner_tenant_id UUID NOT NULL,   -- who is to act on it
    due_date        DATE,
    status          VARCHAR NOT NULL -- OPEN, DONE
);

-- One row: when the snapshot was taken, and the date the rollups treat as "today".
CREATE TABLE snapshot_info (
    taken_at   TIMESTAMPTZ NOT NULL,
    as_of_date DATE NOT NULL
);
