-- Demo results chain (issue #17) of the hand-written demo workstreams (R__demo_workstreams.sql runs first: its name
-- sorts before this one): objectives for the R&D projects and engagements, indicators with baselines and targets,
-- measurements entered by whoever is responsible, one correction, and assessments with ratings and recommendations.
--
-- Repeatable and idempotent like R__demo_workstreams.sql: fixed ids, ON CONFLICT DO NOTHING, the one correction
-- guarded by the value it replaces. Every step runs in the context of the organization that does it in real life:
-- the lead defines indicators and records assessments, the responsible organization enters its measurements.
-- Dates sit around the demo's "today" (2026-11-25); a measurement period never starts after the real current_date
-- (the measurement trigger refuses that, EN073), hence the guard on each insert.
--
-- Status and "overdue" are computed by the view indicator_progress as of the real current_date, so they age with
-- the calendar. As of December 2026 (the lead's Results tab, the home page's "Measurements due"):
--   Exercise Blue Horizon 2026 (norway leads):  on track 101 (overdue: November not entered yet, ingrid.solberg can),
--                     103, 108 (released to Kenya only); at risk 102 (Kenya, per partner, one correction);
--                     off track 104, 105; no baseline 106; not measured 107 (aegis-maritime, overdue: tom.baker can)
--   Lake Chad Basin Peacekeeping Support (un-dpo): on track 201 (au-psd); at risk 203 (relief-coalition);
--                     off track 202 (un-dpo, overdue)
--   Counter-Terrorism Intelligence-Sharing Framework (nato-act): on track 301, 302 (norway, overdue: Q3);
--                     off track 303 (au-psd, released to it only)
--   Adaptive Cyber Defence (nato-act, norway observes): on track 401, 402 (delft-defence-lab, overdue: Q3)
--   Arctic USV Autonomy (norway): on track 501; at risk 502 (northwind); no baseline 503 (delft-defence-lab, overdue)
--   Humanitarian Coordination (un-dpo with relief-coalition): on track 601 (relief-coalition)
--   Port Logistics Support (au-psd, not started): no baseline 701
--
-- Ids: indicators 1d…NNN (NNN = workstream digit and number), measurements 1e…NNNMM, assessments 1f…NNN,
-- recommendations 1f…0NNNRR, new objectives 0d…4NN-7NN.

-- ---------------------------------------------------------------------------------------------
-- norway (Ingrid Solberg) defines the indicators of Exercise Blue Horizon 2026 and the Arctic USV project
-- ---------------------------------------------------------------------------------------------
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000001', true);
INSERT INTO objective (tenant_id, workstream_id, id, position, text) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '0d000000-0000-4000-8000-000000000501', 1,
     'Validate the autonomy stack in Arctic sea trials'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '0d000000-0000-4000-8000-000000000502', 2,
     'Qualify the demonstrator hulls for sea state 5')
ON CONFLICT DO NOTHING;
INSERT INTO indicator (tenant_id, workstream_id, id, objective_id, position, definition, unit, direction, disaggregation,
                       baseline_value, baseline_date, target_value, target_date, frequency, responsible_tenant_id,
                       releasability, rel_to, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000101',
     '0d000000-0000-4000-8000-000000000101', 1, 'Boarding teams certified on the combined boarding procedure',
     'NUMBER', 'HIGHER', 'NONE', 0, '2026-09-01', 12, '2026-12-15', 'MONTHLY', '0a000000-0000-4000-8000-000000000001',
     'PARTICIPANTS', '{}', '2026-08-20 09:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000102',
     '0d000000-0000-4000-8000-000000000101', 2, 'Vessels boarded and inspected in the exercise serials',
     'NUMBER', 'HIGHER', 'BY_PARTNER', 0, '2026-09-01', 40, '2026-12-15', 'MONTHLY', '0a000000-0000-4000-8000-000000000002',
     'PARTICIPANTS', '{}', '2026-08-20 09:05:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000107',
     '0d000000-0000-4000-8000-000000000101', 3, 'Port-security inspections completed at Mombasa',
     'NUMBER', 'HIGHER', 'NONE', 0, '2026-10-01', 6, '2026-12-15', 'MONTHLY', '0a000000-0000-4000-8000-000000000007',
     'PARTICIPANTS', '{}', '2026-09-25 14:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000108',
     '0d000000-0000-4000-8000-000000000101', 4, 'Kenyan boarding teams available for tasking',
     'PERCENT', 'HIGHER', 'NONE', 50, '2026-09-01', 90, '2026-12-15', 'MONTHLY', '0a000000-0000-4000-8000-000000000002',
     'REL_TO', '{0a000000-0000-4000-8000-000000000002}', '2026-08-20 09:10:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000103',
     '0d000000-0000-4000-8000-000000000102', 1, 'Task-group units on the shared maritime picture',
     'PERCENT', 'HIGHER', 'NONE', 20, '2026-09-01', 100, '2026-12-15', 'MONTHLY', '0a000000-0000-4000-8000-000000000003',
     'PARTICIPANTS', '{}', '2026-08-20 09:15:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000104',
     '0d000000-0000-4000-8000-000000000102', 2, 'Hours from first detection to a shared track report',
     'NUMBER', 'LOWER', 'NONE', 6, '2026-09-01', 1, '2026-12-15', 'MONTHLY', '0a000000-0000-4000-8000-000000000001',
     'PARTICIPANTS', '{}', '2026-08-20 09:20:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000105',
     '0d000000-0000-4000-8000-000000000103', 1, 'Mass-casualty rescue serial rehearsed with civilian responders',
     'YES_NO', 'HIGHER', 'NONE', 0, '2026-09-01', 1, '2026-12-15', 'QUARTERLY', '0a000000-0000-4000-8000-000000000001',
     'PARTICIPANTS', '{}', '2026-08-20 09:25:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000106',
     '0d000000-0000-4000-8000-000000000103', 2, 'Civilian responders'' rating of the joint rescue drill (1-5)',
     'SCALE_1_5', 'HIGHER', 'NONE', NULL, NULL, 4, '2026-12-15', 'MONTHLY', '0a000000-0000-4000-8000-000000000001',
     'PARTICIPANTS', '{}', '2026-09-25 14:05:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1d000000-0000-4000-8000-000000000501',
     '0d000000-0000-4000-8000-000000000501', 1, 'Technology readiness level of the autonomy stack',
     'NUMBER', 'HIGHER', 'NONE', 4, '2026-01-15', 7, '2028-06-30', 'QUARTERLY', '0a000000-0000-4000-8000-000000000001',
     'PARTICIPANTS', '{}', '2026-01-10 10:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1d000000-0000-4000-8000-000000000502',
     '0d000000-0000-4000-8000-000000000501', 2, 'Autonomous transit hours in sea state 4 or above',
     'NUMBER', 'HIGHER', 'NONE', 0, '2026-01-15', 500, '2028-06-30', 'QUARTERLY', '0a000000-0000-4000-8000-000000000008',
     'PARTICIPANTS', '{}', '2026-01-10 10:05:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1d000000-0000-4000-8000-000000000503',
     '0d000000-0000-4000-8000-000000000502', 1, 'Hull qualification tests passed in sea state 5',
     'NUMBER', 'HIGHER', 'NONE', NULL, NULL, 8, '2027-12-31', 'QUARTERLY', '0a000000-0000-4000-8000-000000000009',
     'PARTICIPANTS', '{}', '2026-06-01 08:30:00+00')
ON CONFLICT DO NOTHING;

-- norway's own measurements (the November certification count of 101 is still to be entered: due)
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note,
                         entered_by, entered_at, created_at)
SELECT v.tenant_id, v.workstream_id, v.indicator_id, v.id, v.period_start, v.period_end, v.value, v.source, v.note,
       'Ingrid Solberg', v.entered_at, v.entered_at
  FROM (VALUES
    ('0a000000-0000-4000-8000-000000000001'::uuid, '0c000000-0000-4000-8000-000000000001'::uuid,
     '1d000000-0000-4000-8000-000000000101'::uuid, '1e000000-0000-4000-8000-000000010101'::uuid, '2026-09-01'::date,
     '2026-09-30'::date, 3::numeric, 'Exercise control certification log'::text, NULL::text, '2026-10-02 08:40:00+00'::timestamptz),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000101',
     '1e000000-0000-4000-8000-000000010102', '2026-10-01', '2026-10-31', 6, 'Exercise control certification log', NULL,
     '2026-11-03 09:15:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000104',
     '1e000000-0000-4000-8000-000000010401', '2026-09-01', '2026-09-30', 5.5, 'Track report timestamps, task group and Mombasa',
     NULL, '2026-10-02 08:45:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000104',
     '1e000000-0000-4000-8000-000000010402', '2026-10-01', '2026-10-31', 5, 'Track report timestamps, task group and Mombasa',
     NULL, '2026-11-03 09:20:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000104',
     '1e000000-0000-4000-8000-000000010403', '2026-11-01', '2026-11-30', 4.5, 'Track report timestamps, task group and Mombasa',
     'Reports still pass through two relays; see the periodic assessment.', '2026-11-25 16:10:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000105',
     '1e000000-0000-4000-8000-000000010501', '2026-07-01', '2026-09-30', 0, NULL,
     'Postponed: the civilian responders could not join the September serial.', '2026-10-02 08:50:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000106',
     '1e000000-0000-4000-8000-000000010601', '2026-10-01', '2026-10-31', 3, 'Feedback forms from Mombasa county responders',
     NULL, '2026-11-02 13:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000106',
     '1e000000-0000-4000-8000-000000010602', '2026-11-01', '2026-11-30', 3, 'Feedback forms from Mombasa county responders',
     NULL, '2026-11-24 15:30:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1d000000-0000-4000-8000-000000000501',
     '1e000000-0000-4000-8000-000000050101', '2026-01-01', '2026-03-31', 4, 'Technology readiness review', NULL,
     '2026-04-08 10:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1d000000-0000-4000-8000-000000000501',
     '1e000000-0000-4000-8000-000000050102', '2026-04-01', '2026-06-30', 5, 'Technology readiness review',
     'TRL 5 after the Tromsø harbour trials.', '2026-07-06 10:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1d000000-0000-4000-8000-000000000501',
     '1e000000-0000-4000-8000-000000050103', '2026-07-01', '2026-09-30', 5, 'Technology readiness review', NULL,
     '2026-10-07 10:00:00+00')
  ) AS v (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note, entered_at)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;

-- Blue Horizon's assessments: the baseline before the sea phase, and NATO ACT's evaluation team halfway
INSERT INTO assessment (tenant_id, workstream_id, id, kind, mode, assessor_name, assessor_tenant_id, assessed_on, findings,
                        releasability, created_at, updated_at) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000101',
     'INITIAL', 'SELF', 'Kingdom of Norway', NULL, '2026-09-04',
     'Baseline before the sea phase: the five organizations board with five different checklists; tracks reach Mombasa '
     'by voice report some six hours after detection; civilian responders have never exercised with the task group.',
     'PARTICIPANTS', '2026-09-04 15:00:00+00', '2026-09-04 15:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000102',
     'PERIODIC', 'EXTERNAL', 'NATO ACT evaluation team', '0a000000-0000-4000-8000-000000000003', '2026-10-28',
     'Boarding procedures are converging and the shared picture covers most of the task group. Track reports are still '
     'slow, and the mass-casualty serial has not been rehearsed with civilian responders.',
     'PARTICIPANTS', '2026-10-28 17:30:00+00', '2026-10-28 17:30:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO assessment_rating (tenant_id, workstream_id, assessment_id, objective_id, rating, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000102',
     '0d000000-0000-4000-8000-000000000101', 3, '2026-10-28 17:30:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000102',
     '0d000000-0000-4000-8000-000000000102', 4, '2026-10-28 17:30:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000102',
     '0d000000-0000-4000-8000-000000000103', 2, '2026-10-28 17:30:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO assessment_recommendation (tenant_id, workstream_id, assessment_id, id, position, text, owner_tenant_id,
                                       due_date, status, created_at, updated_at) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000101',
     '1f000000-0000-4000-8000-000000010101', 1, 'Agree one combined boarding checklist before the first serial',
     '0a000000-0000-4000-8000-000000000002', '2026-09-20', 'DONE', '2026-09-04 15:00:00+00', '2026-09-18 10:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000101',
     '1f000000-0000-4000-8000-000000010102', 2, 'Connect the Mombasa operations centre to the shared maritime picture',
     '0a000000-0000-4000-8000-000000000003', '2026-10-15', 'DONE', '2026-09-04 15:00:00+00', '2026-10-12 10:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000102',
     '1f000000-0000-4000-8000-000000010201', 1, 'Rehearse the mass-casualty serial with civilian responders before the final phase',
     '0a000000-0000-4000-8000-000000000001', '2026-12-01', 'OPEN', '2026-10-28 17:30:00+00', '2026-10-28 17:30:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000102',
     '1f000000-0000-4000-8000-000000010202', 2, 'Shorten the track-report chain between the task group and Mombasa',
     '0a000000-0000-4000-8000-000000000001', '2026-12-10', 'OPEN', '2026-10-28 17:30:00+00', '2026-10-28 17:30:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000102',
     '1f000000-0000-4000-8000-000000010203', 3, 'Certify the remaining boarding teams before the sea phase ends',
     '0a000000-0000-4000-8000-000000000002', '2026-12-15', 'OPEN', '2026-10-28 17:30:00+00', '2026-10-28 17:30:00+00')
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- un-dpo (David Mensah): Lake Chad Basin and the humanitarian engagement
-- ---------------------------------------------------------------------------------------------
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000004', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000006', true);
INSERT INTO objective (tenant_id, workstream_id, id, position, text) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000006', '0d000000-0000-4000-8000-000000000601', 1,
     'Deconflict every aid convoy with military movements')
ON CONFLICT DO NOTHING;
INSERT INTO indicator (tenant_id, workstream_id, id, objective_id, position, definition, unit, direction, disaggregation,
                       baseline_value, baseline_date, target_value, target_date, frequency, responsible_tenant_id,
                       releasability, rel_to, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000201',
     '0d000000-0000-4000-8000-000000000201', 1, 'Forward medical facilities operating at level 2 capability',
     'NUMBER', 'HIGHER', 'NONE', 0, '2026-03-01', 2, '2027-02-28', 'QUARTERLY', '0a000000-0000-4000-8000-000000000005',
     'PARTICIPANTS', '{}', '2026-02-20 09:00:00+00'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000202',
     '0d000000-0000-4000-8000-000000000202', 1, 'Humanitarian convoys passing the main supply routes without incident',
     'PERCENT', 'HIGHER', 'NONE', 55, '2026-03-01', 90, '2027-02-28', 'MONTHLY', '0a000000-0000-4000-8000-000000000004',
     'PARTICIPANTS', '{}', '2026-02-20 09:05:00+00'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203',
     '0d000000-0000-4000-8000-000000000202', 2, 'Civil-military coordination meetings held with humanitarian actors',
     'NUMBER', 'HIGHER', 'NONE', 0, '2026-03-01', 24, '2027-02-28', 'MONTHLY', '0a000000-0000-4000-8000-000000000006',
     'PARTICIPANTS', '{}', '2026-02-20 09:10:00+00'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601',
     '0d000000-0000-4000-8000-000000000601', 1, 'Aid convoys deconflicted before departure',
     'PERCENT', 'HIGHER', 'NONE', 60, '2026-04-01', 95, '2027-03-31', 'MONTHLY', '0a000000-0000-4000-8000-000000000006',
     'PARTICIPANTS', '{}', '2026-03-25 09:00:00+00')
ON CONFLICT DO NOTHING;

-- un-dpo's own indicator: safe convoys, monthly, far behind the path; November not entered yet (due)
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note,
                         entered_by, entered_at, created_at)
SELECT '0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002',
       '1d000000-0000-4000-8000-000000000202', ('1e000000-0000-4000-8000-0000000202' || lpad(v.n::text, 2, '0'))::uuid,
       v.period_start, (v.period_start + interval '1 month' - interval '1 day')::date, v.value,
       'Mission movement control and OCHA access reports', v.note, 'David Mensah',
       (v.period_start + interval '1 month' + interval '4 days 10 hours')::timestamptz,
       (v.period_start + interval '1 month' + interval '4 days 10 hours')::timestamptz
  FROM (VALUES (1, '2026-03-01'::date, 56::numeric, NULL::text), (2, '2026-04-01', 58, NULL), (3, '2026-05-01', 57, NULL),
               (4, '2026-06-01', 60, NULL), (5, '2026-07-01', 59, 'Rainy season: two routes closed for a week.'),
               (6, '2026-08-01', 61, NULL), (7, '2026-09-01', 60, NULL), (8, '2026-10-01', 62, NULL)
  ) AS v (n, period_start, value, note)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;

INSERT INTO assessment (tenant_id, workstream_id, id, kind, mode, assessor_name, assessed_on, findings, releasability,
                        created_at, updated_at) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1f000000-0000-4000-8000-000000000201',
     'INITIAL', 'SELF', 'UN Department of Peace Operations', '2026-03-10',
     'One of two planned forward medical facilities is staffed; just over half of the convoys pass the main supply '
     'routes without incident; convoy notifications reach the force too late to deconflict.',
     'PARTICIPANTS', '2026-03-10 12:00:00+00', '2026-03-10 12:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO assessment_recommendation (tenant_id, workstream_id, assessment_id, id, position, text, owner_tenant_id,
                                       due_date, status, created_at, updated_at) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1f000000-0000-4000-8000-000000000201',
     '1f000000-0000-4000-8000-000000020101', 1, 'Agree convoy notification times with the humanitarian country team',
     '0a000000-0000-4000-8000-000000000006', '2026-04-30', 'DONE', '2026-03-10 12:00:00+00', '2026-04-22 09:00:00+00'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1f000000-0000-4000-8000-000000000201',
     '1f000000-0000-4000-8000-000000020102', 2, 'Staff the second forward medical facility',
     '0a000000-0000-4000-8000-000000000005', '2026-12-31', 'OPEN', '2026-03-10 12:00:00+00', '2026-03-10 12:00:00+00')
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- nato-act (Olivia Grant): the intelligence-sharing framework and the cyber-defence project
-- ---------------------------------------------------------------------------------------------
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000005', true);
INSERT INTO objective (tenant_id, workstream_id, id, position, text) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0d000000-0000-4000-8000-000000000401', 1,
     'Raise detection and automated containment to TRL 6 in a deployed-headquarters trial'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0d000000-0000-4000-8000-000000000402', 2,
     'Cut the time to contain an intrusion on a tactical network')
ON CONFLICT DO NOTHING;
INSERT INTO indicator (tenant_id, workstream_id, id, objective_id, position, definition, unit, direction, disaggregation,
                       baseline_value, baseline_date, target_value, target_date, frequency, responsible_tenant_id,
                       releasability, rel_to, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000301',
     '0d000000-0000-4000-8000-000000000301', 1, 'Participants that signed the handling annex',
     'NUMBER', 'HIGHER', 'NONE', 0, '2026-02-01', 4, '2027-06-30', 'QUARTERLY', '0a000000-0000-4000-8000-000000000003',
     'PARTICIPANTS', '{}', '2026-01-25 10:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000303',
     '0d000000-0000-4000-8000-000000000301', 2, 'Liaison officers in place at the regional fusion centre',
     'NUMBER', 'HIGHER', 'NONE', 1, '2026-02-01', 6, '2026-12-31', 'QUARTERLY', '0a000000-0000-4000-8000-000000000005',
     'REL_TO', '{0a000000-0000-4000-8000-000000000005}', '2026-01-25 10:05:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000302',
     '0d000000-0000-4000-8000-000000000302', 1, 'Indicators exchanged within 24 hours of detection',
     'PERCENT', 'HIGHER', 'NONE', 35, '2026-02-01', 90, '2027-12-31', 'QUARTERLY', '0a000000-0000-4000-8000-000000000001',
     'PARTICIPANTS', '{}', '2026-01-25 10:10:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1d000000-0000-4000-8000-000000000401',
     '0d000000-0000-4000-8000-000000000401', 1, 'Technology readiness level of the detection and containment stack',
     'NUMBER', 'HIGHER', 'NONE', 3, '2026-01-01', 6, '2028-12-31', 'QUARTERLY', '0a000000-0000-4000-8000-000000000003',
     'PARTICIPANTS', '{}', '2025-12-15 10:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1d000000-0000-4000-8000-000000000402',
     '0d000000-0000-4000-8000-000000000402', 1, 'Minutes to contain a simulated intrusion',
     'NUMBER', 'LOWER', 'NONE', 240, '2026-01-01', 30, '2028-12-31', 'QUARTERLY', '0a000000-0000-4000-8000-000000000009',
     'PARTICIPANTS', '{}', '2025-12-15 10:05:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO assessment (tenant_id, workstream_id, id, kind, mode, assessor_name, assessed_on, findings, releasability,
                        created_at, updated_at) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1f000000-0000-4000-8000-000000000301',
     'PERIODIC', 'SELF', 'NATO Allied Command Transformation', '2026-09-15',
     'Two participants have signed the handling annex; exchange within a day is improving slowly. The African Union''s '
     'legal review holds up the annex and the liaison posts at the fusion centre.',
     'PARTICIPANTS', '2026-09-15 16:00:00+00', '2026-09-15 16:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO assessment_rating (tenant_id, workstream_id, assessment_id, objective_id, rating, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1f000000-0000-4000-8000-000000000301',
     '0d000000-0000-4000-8000-000000000301', 3, '2026-09-15 16:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1f000000-0000-4000-8000-000000000301',
     '0d000000-0000-4000-8000-000000000302', 3, '2026-09-15 16:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO assessment_recommendation (tenant_id, workstream_id, assessment_id, id, position, text, owner_tenant_id,
                                       due_date, status, created_at, updated_at) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1f000000-0000-4000-8000-000000000301',
     '1f000000-0000-4000-8000-000000030101', 1, 'Bring the handling annex to the AU legal review board',
     '0a000000-0000-4000-8000-000000000005', '2026-11-30', 'OPEN', '2026-09-15 16:00:00+00', '2026-09-15 16:00:00+00')
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- au-psd (Fatou Diallo): the port logistics engagement (not started: no baseline yet)
-- ---------------------------------------------------------------------------------------------
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000005', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000007', true);
INSERT INTO objective (tenant_id, workstream_id, id, position, text) VALUES
    ('0a000000-0000-4000-8000-000000000005', '0c000000-0000-4000-8000-000000000007', '0d000000-0000-4000-8000-000000000701', 1,
     'Berth and supply AU vessels within 48 hours of arrival')
ON CONFLICT DO NOTHING;
INSERT INTO indicator (tenant_id, workstream_id, id, objective_id, position, definition, unit, direction, disaggregation,
                       baseline_value, baseline_date, target_value, target_date, frequency, responsible_tenant_id,
                       releasability, rel_to, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000005', '0c000000-0000-4000-8000-000000000007', '1d000000-0000-4000-8000-000000000701',
     '0d000000-0000-4000-8000-000000000701', 1, 'AU vessels berthed and supplied within 48 hours',
     'PERCENT', 'HIGHER', 'NONE', NULL, NULL, 95, '2027-12-31', 'QUARTERLY', '0a000000-0000-4000-8000-000000000005',
     'PARTICIPANTS', '{}', '2026-10-05 09:00:00+00')
ON CONFLICT DO NOTHING;

-- au-psd as a participant: the medical facilities of Lake Chad, and the liaison officers released to it alone
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note,
                         entered_by, entered_at, created_at)
SELECT v.tenant_id, v.workstream_id, v.indicator_id, v.id, v.period_start, v.period_end, v.value, v.source, NULL,
       'Fatou Diallo', v.entered_at, v.entered_at
  FROM (VALUES
    ('0a000000-0000-4000-8000-000000000004'::uuid, '0c000000-0000-4000-8000-000000000002'::uuid,
     '1d000000-0000-4000-8000-000000000201'::uuid, '1e000000-0000-4000-8000-000000020101'::uuid, '2026-01-01'::date,
     '2026-03-31'::date, 0::numeric, 'Force medical returns'::text, '2026-04-03 09:00:00+00'::timestamptz),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000201',
     '1e000000-0000-4000-8000-000000020102', '2026-04-01', '2026-06-30', 1, 'Force medical returns', '2026-07-03 09:00:00+00'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000201',
     '1e000000-0000-4000-8000-000000020103', '2026-07-01', '2026-09-30', 1, 'Force medical returns', '2026-10-05 09:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000303',
     '1e000000-0000-4000-8000-000000030301', '2026-01-01', '2026-03-31', 2, 'AU liaison staff roster', '2026-04-06 09:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000303',
     '1e000000-0000-4000-8000-000000030302', '2026-04-01', '2026-06-30', 3, 'AU liaison staff roster', '2026-07-06 09:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000303',
     '1e000000-0000-4000-8000-000000030303', '2026-07-01', '2026-09-30', 3, 'AU liaison staff roster', '2026-10-06 09:00:00+00')
  ) AS v (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, entered_at)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Participants enter the measurements they are responsible for
-- ---------------------------------------------------------------------------------------------

-- norway (Ingrid Solberg) as a participant: its indicator in NATO ACT's intelligence-sharing framework (Q3 still to be
-- entered: due)
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000001', true);
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note,
                         entered_by, entered_at, created_at)
SELECT v.tenant_id, v.workstream_id, v.indicator_id, v.id, v.period_start, v.period_end, v.value, v.source, NULL,
       'Ingrid Solberg', v.entered_at, v.entered_at
  FROM (VALUES
    ('0a000000-0000-4000-8000-000000000003'::uuid, '0c000000-0000-4000-8000-000000000003'::uuid,
     '1d000000-0000-4000-8000-000000000302'::uuid, '1e000000-0000-4000-8000-000000030201'::uuid, '2026-01-01'::date,
     '2026-03-31'::date, 38::numeric, 'Norwegian exchange-log statistics'::text, '2026-04-09 11:00:00+00'::timestamptz),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000302',
     '1e000000-0000-4000-8000-000000030202', '2026-04-01', '2026-06-30', 44, 'Norwegian exchange-log statistics',
     '2026-07-08 11:00:00+00')
  ) AS v (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, entered_at)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;

-- kenya (Amina Odhiambo): vessels boarded (totals, and per partner for November) and its boarding-team availability
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000002', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000003', true);
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, partner_tenant_id, value,
                         source, note, entered_by, entered_at, created_at)
SELECT '0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', v.indicator_id, v.id,
       v.period_start, v.period_end, v.partner_tenant_id, v.value, v.source, v.note, 'Amina Odhiambo', v.entered_at,
       v.entered_at
  FROM (VALUES
    ('1d000000-0000-4000-8000-000000000102'::uuid, '1e000000-0000-4000-8000-000000010201'::uuid, '2026-09-01'::date,
     '2026-09-30'::date, NULL::uuid, 8::numeric, 'Boarding logs of the participating ships'::text, NULL::text,
     '2026-10-05 07:30:00+00'::timestamptz),
    ('1d000000-0000-4000-8000-000000000102', '1e000000-0000-4000-8000-000000010202', '2026-10-01', '2026-10-31', NULL, 15,
     'Boarding logs of the participating ships', NULL, '2026-11-04 07:30:00+00'),
    ('1d000000-0000-4000-8000-000000000102', '1e000000-0000-4000-8000-000000010203', '2026-11-01', '2026-11-30', NULL, 26,
     'Boarding logs of the participating ships', 'Sea phase still running: the figure counts to 24 November.',
     '2026-11-24 18:00:00+00'),
    ('1d000000-0000-4000-8000-000000000102', '1e000000-0000-4000-8000-000000010204', '2026-11-01', '2026-11-30',
     '0a000000-0000-4000-8000-000000000002', 16, 'Boarding logs of the participating ships', NULL, '2026-11-24 18:00:00+00'),
    ('1d000000-0000-4000-8000-000000000102', '1e000000-0000-4000-8000-000000010205', '2026-11-01', '2026-11-30',
     '0a000000-0000-4000-8000-000000000001', 10, 'Boarding logs of the participating ships', NULL, '2026-11-24 18:00:00+00'),
    ('1d000000-0000-4000-8000-000000000108', '1e000000-0000-4000-8000-000000010801', '2026-09-01', '2026-09-30', NULL, 60,
     'Kenya Navy readiness returns', NULL, '2026-10-05 07:45:00+00'),
    ('1d000000-0000-4000-8000-000000000108', '1e000000-0000-4000-8000-000000010802', '2026-10-01', '2026-10-31', NULL, 70,
     'Kenya Navy readiness returns', NULL, '2026-11-04 07:45:00+00'),
    ('1d000000-0000-4000-8000-000000000108', '1e000000-0000-4000-8000-000000010803', '2026-11-01', '2026-11-30', NULL, 82,
     'Kenya Navy readiness returns', NULL, '2026-11-24 18:10:00+00')
  ) AS v (indicator_id, id, period_start, period_end, partner_tenant_id, value, source, note, entered_at)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;
-- The one correction: October's count after the boarding-log review (the first value stays in measurement_correction).
UPDATE measurement
   SET value = 17, note = 'Recount after the boarding-log review: two inspections had been logged on the Norwegian ship only.',
       entered_by = 'Amina Odhiambo', version = version + 1
 WHERE tenant_id = '0a000000-0000-4000-8000-000000000001' AND workstream_id = '0c000000-0000-4000-8000-000000000001'
   AND id = '1e000000-0000-4000-8000-000000010202' AND value = 15 AND version = 0;

-- nato-act (Claire Dubois): the shared maritime picture, the handling annex, the readiness level of the cyber stack
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000004', true);
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note,
                         entered_by, entered_at, created_at)
SELECT v.tenant_id, v.workstream_id, v.indicator_id, v.id, v.period_start, v.period_end, v.value, v.source, NULL,
       'Claire Dubois', v.entered_at, v.entered_at
  FROM (VALUES
    ('0a000000-0000-4000-8000-000000000001'::uuid, '0c000000-0000-4000-8000-000000000001'::uuid,
     '1d000000-0000-4000-8000-000000000103'::uuid, '1e000000-0000-4000-8000-000000010301'::uuid, '2026-09-01'::date,
     '2026-09-30'::date, 45::numeric, 'Shared picture track statistics'::text, '2026-10-03 12:00:00+00'::timestamptz),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000103',
     '1e000000-0000-4000-8000-000000010302', '2026-10-01', '2026-10-31', 70, 'Shared picture track statistics',
     '2026-11-03 12:00:00+00'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1d000000-0000-4000-8000-000000000103',
     '1e000000-0000-4000-8000-000000010303', '2026-11-01', '2026-11-30', 92, 'Shared picture track statistics',
     '2026-11-25 12:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000301',
     '1e000000-0000-4000-8000-000000030101', '2026-01-01', '2026-03-31', 0, 'Signed annex register', '2026-04-02 12:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000301',
     '1e000000-0000-4000-8000-000000030102', '2026-04-01', '2026-06-30', 1, 'Signed annex register', '2026-07-02 12:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1d000000-0000-4000-8000-000000000301',
     '1e000000-0000-4000-8000-000000030103', '2026-07-01', '2026-09-30', 2, 'Signed annex register', '2026-10-02 12:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1d000000-0000-4000-8000-000000000401',
     '1e000000-0000-4000-8000-000000040101', '2026-01-01', '2026-03-31', 3, 'Project technology readiness review',
     '2026-04-10 12:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1d000000-0000-4000-8000-000000000401',
     '1e000000-0000-4000-8000-000000040102', '2026-04-01', '2026-06-30', 4, 'Project technology readiness review',
     '2026-07-10 12:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1d000000-0000-4000-8000-000000000401',
     '1e000000-0000-4000-8000-000000040103', '2026-07-01', '2026-09-30', 4, 'Project technology readiness review',
     '2026-10-09 12:00:00+00')
  ) AS v (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, entered_at)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;

-- relief-coalition (Sara Lindqvist): coordination meetings (cumulative) and deconflicted convoys
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000006', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000008', true);
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note,
                         entered_by, entered_at, created_at)
SELECT '0a000000-0000-4000-8000-000000000004', v.workstream_id, v.indicator_id,
       ('1e000000-0000-4000-8000-000000' || v.number)::uuid, v.period_start,
       (v.period_start + interval '1 month' - interval '1 day')::date, v.value, v.source, NULL, 'Sara Lindqvist',
       least(v.period_start + interval '1 month' + interval '3 days 9 hours', timestamptz '2026-11-25 17:00+00'),
       least(v.period_start + interval '1 month' + interval '3 days 9 hours', timestamptz '2026-11-25 17:00+00')
  FROM (VALUES
    ('0c000000-0000-4000-8000-000000000002'::uuid, '1d000000-0000-4000-8000-000000000203'::uuid, '020301'::text,
     '2026-03-01'::date, 2::numeric, 'Minutes of the coordination meetings'::text),
    ('0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203', '020302', '2026-04-01', 4, 'Minutes of the coordination meetings'),
    ('0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203', '020303', '2026-05-01', 6, 'Minutes of the coordination meetings'),
    ('0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203', '020304', '2026-06-01', 8, 'Minutes of the coordination meetings'),
    ('0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203', '020305', '2026-07-01', 9, 'Minutes of the coordination meetings'),
    ('0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203', '020306', '2026-08-01', 11, 'Minutes of the coordination meetings'),
    ('0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203', '020307', '2026-09-01', 12, 'Minutes of the coordination meetings'),
    ('0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203', '020308', '2026-10-01', 14, 'Minutes of the coordination meetings'),
    ('0c000000-0000-4000-8000-000000000002', '1d000000-0000-4000-8000-000000000203', '020309', '2026-11-01', 15, 'Minutes of the coordination meetings'),
    ('0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601', '060101', '2026-04-01', 62, 'Convoy deconfliction log'),
    ('0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601', '060102', '2026-05-01', 66, 'Convoy deconfliction log'),
    ('0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601', '060103', '2026-06-01', 70, 'Convoy deconfliction log'),
    ('0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601', '060104', '2026-07-01', 72, 'Convoy deconfliction log'),
    ('0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601', '060105', '2026-08-01', 75, 'Convoy deconfliction log'),
    ('0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601', '060106', '2026-09-01', 78, 'Convoy deconfliction log'),
    ('0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601', '060107', '2026-10-01', 80, 'Convoy deconfliction log'),
    ('0c000000-0000-4000-8000-000000000006', '1d000000-0000-4000-8000-000000000601', '060108', '2026-11-01', 83, 'Convoy deconfliction log')
  ) AS v (workstream_id, indicator_id, number, period_start, value, source)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;

-- northwind (Mei Chen): autonomous transit hours in the Arctic USV project
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000008', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000010', true);
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note,
                         entered_by, entered_at, created_at)
SELECT '0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005',
       '1d000000-0000-4000-8000-000000000502', v.id, v.period_start, v.period_end, v.value, 'Vessel autonomy logs', v.note,
       'Mei Chen', v.entered_at, v.entered_at
  FROM (VALUES
    ('1e000000-0000-4000-8000-000000050201'::uuid, '2026-01-01'::date, '2026-03-31'::date, 0::numeric,
     'Hulls delivered in March; no sea time yet.'::text, '2026-04-07 08:00:00+00'::timestamptz),
    ('1e000000-0000-4000-8000-000000050202', '2026-04-01', '2026-06-30', 20, NULL, '2026-07-07 08:00:00+00'),
    ('1e000000-0000-4000-8000-000000050203', '2026-07-01', '2026-09-30', 45, 'Ice conditions limited the autumn trials.',
     '2026-10-06 08:00:00+00')
  ) AS v (id, period_start, period_end, value, note, entered_at)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;

-- delft-defence-lab (Pieter de Vries): containment time in the cyber project (Q3 still to be entered: due)
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000009', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000011', true);
INSERT INTO measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end, value, source, note,
                         entered_by, entered_at, created_at)
SELECT '0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004',
       '1d000000-0000-4000-8000-000000000402', v.id, v.period_start, v.period_end, v.value, 'Cyber range test reports',
       NULL, 'Pieter de Vries', v.entered_at, v.entered_at
  FROM (VALUES
    ('1e000000-0000-4000-8000-000000040201'::uuid, '2026-01-01'::date, '2026-03-31'::date, 235::numeric,
     '2026-04-14 14:00:00+00'::timestamptz),
    ('1e000000-0000-4000-8000-000000040202', '2026-04-01', '2026-06-30', 200, '2026-07-14 14:00:00+00')
  ) AS v (id, period_start, period_end, value, entered_at)
 WHERE v.period_start <= current_date
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '', true), set_config('app.user_id', '', true);
