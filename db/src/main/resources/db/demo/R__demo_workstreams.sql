-- Demo workstreams between the demo tenants (R__demo_data.sql runs first: same folder, earlier name).
--
-- Repeatable and idempotent: rows are inserted with fixed ids and ON CONFLICT DO NOTHING, status
-- changes are guarded by the previous status, so running it again changes nothing. (Editing the
-- text of a row that already exists therefore needs a fresh database.)
--
-- Row-level security is forced for the owner too: every block first sets the tenant (and member)
-- context of whoever does that step in real life, e.g. invitations as the lead, acceptance as the
-- invited tenant, contributions as the contributor. Dates are set around "today" = 2026-11-25.
--
-- Tenants: 01 norway, 02 kenya, 03 nato-act, 04 un-dpo, 05 au-psd, 06 relief-coalition,
--          07 aegis-maritime, 08 northwind, 09 delft-defence-lab  (0a000000-0000-4000-8000-0000000000NN)
-- Workstreams 0c..01 - 0c..07; objectives 0d; work packages 0e; deliverables 0f; milestones 1a;
-- contributions 1b; comments 1c.

-- ---------------------------------------------------------------------------------------------
-- Leads create their workstreams, kind details and invitations
-- ---------------------------------------------------------------------------------------------

-- norway (Ingrid Solberg): maritime exercise and unmanned-systems project
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000001', true);
INSERT INTO workstream (tenant_id, id, kind, title, description, status, releasability, region, start_date, end_date) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', 'INITIATIVE',
     'Exercise Blue Horizon 2026',
     'Multinational maritime security exercise off the East African coast: boarding, search and rescue, '
     'counter-piracy and port-security serials with allied navies, coast guards and a private security provider.',
     'ACTIVE', 'PARTICIPANTS', 'Western Indian Ocean', '2026-09-01', '2026-12-15'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', 'RND_PROJECT',
     'Arctic Unmanned Surface Vessel Autonomy',
     'Autonomy stack and cold-weather validation for unmanned surface vessels patrolling Arctic sea lanes.',
     'ACTIVE', 'PARTICIPANTS', 'Arctic', '2026-01-15', '2028-06-30')
ON CONFLICT DO NOTHING;
INSERT INTO initiative (tenant_id, workstream_id, mechanism) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', 'JOINT_EXERCISE')
ON CONFLICT DO NOTHING;
INSERT INTO objective (tenant_id, workstream_id, id, position, text) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000101', 1,
     'Exercise combined boarding and inspection procedures across five partner organizations'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000102', 2,
     'Validate a shared maritime picture between Mombasa and the task group'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000103', 3,
     'Rehearse mass-casualty search and rescue with civilian responders')
ON CONFLICT DO NOTHING;
INSERT INTO rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target,
                         background_ip_terms, foreground_ip_terms) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', 'UNMANNED_SYSTEMS', 4, 5, 7,
     'Each party keeps its background IP; royalty-free licence for project use only.',
     'Foreground IP owned by the generating party; government-use licence to Norway.')
ON CONFLICT DO NOTHING;
INSERT INTO participation (tenant_id, workstream_id, participant_tenant_id, role) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000002', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000003', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000007', 'CONTRIBUTOR'),
    -- The pending invitation: un-dpo has not answered yet.
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000004', 'OBSERVER'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '0a000000-0000-4000-8000-000000000008', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '0a000000-0000-4000-8000-000000000009', 'CONTRIBUTOR')
ON CONFLICT DO NOTHING;

-- un-dpo (David Mensah): peacekeeping support and the NGO engagement
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000004', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000006', true);
INSERT INTO workstream (tenant_id, id, kind, title, description, status, releasability, region, start_date, end_date) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', 'INITIATIVE',
     'Lake Chad Basin Peacekeeping Support',
     'Logistics, medical and civil-affairs support to the regional stabilization force, coordinated with '
     'humanitarian actors for protection of civilians.',
     'ACTIVE', 'PARTICIPANTS', 'Lake Chad Basin', '2026-03-01', '2027-02-28'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000006', 'ENGAGEMENT',
     'Humanitarian Coordination with Global Relief Coalition',
     'Civil-military coordination cell, shared access constraints reporting and deconfliction of aid convoys.',
     'APPROVED', 'PARTICIPANTS', 'Lake Chad Basin', '2026-04-01', '2027-03-31')
ON CONFLICT DO NOTHING;
INSERT INTO initiative (tenant_id, workstream_id, mechanism) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', 'PEACEKEEPING')
ON CONFLICT DO NOTHING;
INSERT INTO objective (tenant_id, workstream_id, id, position, text) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '0d000000-0000-4000-8000-000000000201', 1,
     'Sustain two forward medical facilities at level 2 capability'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '0d000000-0000-4000-8000-000000000202', 2,
     'Keep main supply routes open for humanitarian convoys')
ON CONFLICT DO NOTHING;
INSERT INTO engagement (tenant_id, workstream_id, party_tenant_id, engagement_type, vetting_status,
                        agreement_reference, agreement_valid_from, agreement_valid_to, risk_rating) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000006', '0a000000-0000-4000-8000-000000000006',
     'HUMANITARIAN_COORDINATION', 'CLEARED', 'UN-DPO/MOU/2026/017', '2026-04-01', '2027-03-31', 'MEDIUM')
ON CONFLICT DO NOTHING;
-- Vetting is CLEARED, so the engagement may go live.
UPDATE workstream SET status = 'ACTIVE'
 WHERE tenant_id = '0a000000-0000-4000-8000-000000000004' AND id = '0c000000-0000-4000-8000-000000000006' AND status = 'APPROVED';
INSERT INTO participation (tenant_id, workstream_id, participant_tenant_id, role) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000005', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000002', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000006', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000006', '0a000000-0000-4000-8000-000000000006', 'CONTRIBUTOR')
ON CONFLICT DO NOTHING;

-- nato-act (Olivia Grant): intelligence-sharing framework and cyber-defence project
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000005', true);
INSERT INTO workstream (tenant_id, id, kind, title, description, status, releasability, region, start_date, end_date) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', 'INITIATIVE',
     'Counter-Terrorism Intelligence-Sharing Framework',
     'Common handling caveats, a liaison network and a shared indicator format for counter-terrorism '
     'intelligence between alliance, national and regional partners.',
     'ACTIVE', 'PARTICIPANTS', 'Euro-Atlantic and Africa', '2026-02-01', '2027-12-31'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', 'RND_PROJECT',
     'Adaptive Cyber Defence for Deployed Networks',
     'Machine-assisted detection and automated containment for tactical networks in deployed headquarters.',
     'ACTIVE', 'PARTICIPANTS', 'Europe', '2026-01-01', '2028-12-31')
ON CONFLICT DO NOTHING;
INSERT INTO initiative (tenant_id, workstream_id, mechanism) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', 'INTELLIGENCE_SHARING')
ON CONFLICT DO NOTHING;
INSERT INTO objective (tenant_id, workstream_id, id, position, text) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '0d000000-0000-4000-8000-000000000301', 1,
     'Agree releasability caveats and a handling annex signed by all participants'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '0d000000-0000-4000-8000-000000000302', 2,
     'Exchange indicators in a shared format within 24 hours of detection')
ON CONFLICT DO NOTHING;
INSERT INTO rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target,
                         background_ip_terms, foreground_ip_terms) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', 'CYBER', 3, 4, 6,
     'Background IP listed in annex B remains with its owner.',
     'Jointly generated foreground IP shared pro rata to contributions; NATO-use licence.')
ON CONFLICT DO NOTHING;
INSERT INTO participation (tenant_id, workstream_id, participant_tenant_id, role) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000001', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000002', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000005', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0a000000-0000-4000-8000-000000000008', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0a000000-0000-4000-8000-000000000009', 'CONTRIBUTOR'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0a000000-0000-4000-8000-000000000001', 'OBSERVER')
ON CONFLICT DO NOTHING;

-- au-psd (Fatou Diallo): logistics engagement with a private security company, still in vetting
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000005', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000007', true);
INSERT INTO workstream (tenant_id, id, kind, title, description, status, releasability, region, start_date, end_date) VALUES
    ('0a000000-0000-4000-8000-000000000005', '0c000000-0000-4000-8000-000000000007', 'ENGAGEMENT',
     'Port Logistics Support for AU Maritime Deployments',
     'Escort, berthing and warehousing support at Indian Ocean ports; pending due-diligence vetting of the provider.',
     'APPROVED', 'PARTICIPANTS', 'Indian Ocean', '2027-01-01', '2027-12-31')
ON CONFLICT DO NOTHING;
INSERT INTO engagement (tenant_id, workstream_id, party_tenant_id, engagement_type, vetting_status, risk_rating) VALUES
    ('0a000000-0000-4000-8000-000000000005', '0c000000-0000-4000-8000-000000000007', '0a000000-0000-4000-8000-000000000007',
     'LOGISTICS_SUPPORT', 'IN_REVIEW', 'HIGH')
ON CONFLICT DO NOTHING;
INSERT INTO participation (tenant_id, workstream_id, participant_tenant_id, role) VALUES
    ('0a000000-0000-4000-8000-000000000005', '0c000000-0000-4000-8000-000000000007', '0a000000-0000-4000-8000-000000000007', 'CONTRIBUTOR')
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Invited tenants accept (all but un-dpo's invitation to Blue Horizon)
-- ---------------------------------------------------------------------------------------------
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000002', true);
UPDATE participation SET status = 'ACCEPTED' WHERE participant_tenant_id = current_tenant_id() AND status = 'INVITED';
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000002', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000003', true);
UPDATE participation SET status = 'ACCEPTED' WHERE participant_tenant_id = current_tenant_id() AND status = 'INVITED';
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000005', true);
UPDATE participation SET status = 'ACCEPTED' WHERE participant_tenant_id = current_tenant_id() AND status = 'INVITED';
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000005', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000007', true);
UPDATE participation SET status = 'ACCEPTED' WHERE participant_tenant_id = current_tenant_id() AND status = 'INVITED';
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000006', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000008', true);
UPDATE participation SET status = 'ACCEPTED' WHERE participant_tenant_id = current_tenant_id() AND status = 'INVITED';
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000007', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000009', true);
UPDATE participation SET status = 'ACCEPTED' WHERE participant_tenant_id = current_tenant_id() AND status = 'INVITED';
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000008', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000010', true);
UPDATE participation SET status = 'ACCEPTED' WHERE participant_tenant_id = current_tenant_id() AND status = 'INVITED';
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000009', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000011', true);
UPDATE participation SET status = 'ACCEPTED' WHERE participant_tenant_id = current_tenant_id() AND status = 'INVITED';

-- ---------------------------------------------------------------------------------------------
-- Leads plan: work packages, deliverables, milestones (some overdue on 2026-11-25, some upcoming)
-- ---------------------------------------------------------------------------------------------
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000005', true);
INSERT INTO work_package (tenant_id, workstream_id, id, code, title, lead_tenant_id, budget_eur) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0e000000-0000-4000-8000-000000000401', 'WP1',
     'Threat modelling and detection research', '0a000000-0000-4000-8000-000000000009', 420000.00),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0e000000-0000-4000-8000-000000000402', 'WP2',
     'Prototype sensor mesh and containment engine', '0a000000-0000-4000-8000-000000000008', 1150000.00),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0e000000-0000-4000-8000-000000000403', 'WP3',
     'Field trial in a deployed headquarters', '0a000000-0000-4000-8000-000000000001', 380000.00)
ON CONFLICT DO NOTHING;
INSERT INTO deliverable (tenant_id, workstream_id, id, work_package_id, title, due_date, status) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0f000000-0000-4000-8000-000000000401',
     '0e000000-0000-4000-8000-000000000401', 'D1.1 Threat model for deployed networks', '2026-06-30', 'ACCEPTED'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0f000000-0000-4000-8000-000000000402',
     '0e000000-0000-4000-8000-000000000402', 'D2.1 Sensor mesh prototype (TRL 5)', '2027-03-31', 'PLANNED'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '0f000000-0000-4000-8000-000000000403',
     '0e000000-0000-4000-8000-000000000403', 'D3.1 Field trial report (TRL 6)', '2028-09-30', 'PLANNED')
ON CONFLICT DO NOTHING;
INSERT INTO milestone (tenant_id, workstream_id, id, title, owner_tenant_id, planned_date, actual_date, status) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1a000000-0000-4000-8000-000000000301',
     'Handling annex signed', '0a000000-0000-4000-8000-000000000003', '2026-10-31', NULL, 'IN_PROGRESS'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1a000000-0000-4000-8000-000000000302',
     'Liaison network operational', '0a000000-0000-4000-8000-000000000005', '2027-01-15', NULL, 'PLANNED'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1a000000-0000-4000-8000-000000000401',
     'TRL 4 lab demonstration', '0a000000-0000-4000-8000-000000000009', '2026-09-15', '2026-09-22', 'DONE'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1a000000-0000-4000-8000-000000000402',
     'Prototype design review', '0a000000-0000-4000-8000-000000000008', '2026-12-10', NULL, 'PLANNED')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000001', true);
INSERT INTO work_package (tenant_id, workstream_id, id, code, title, lead_tenant_id, budget_eur) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '0e000000-0000-4000-8000-000000000501', 'WP1',
     'Autonomy stack and collision avoidance', '0a000000-0000-4000-8000-000000000008', 1600000.00),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '0e000000-0000-4000-8000-000000000502', 'WP2',
     'Cold-weather sensor validation', '0a000000-0000-4000-8000-000000000009', 540000.00)
ON CONFLICT DO NOTHING;
INSERT INTO deliverable (tenant_id, workstream_id, id, work_package_id, title, due_date, status) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '0f000000-0000-4000-8000-000000000501',
     '0e000000-0000-4000-8000-000000000501', 'D1.1 Autonomy software release 1', '2026-11-01', 'SUBMITTED'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '0f000000-0000-4000-8000-000000000502',
     '0e000000-0000-4000-8000-000000000502', 'D2.1 Icing test campaign report', '2027-04-30', 'PLANNED')
ON CONFLICT DO NOTHING;
INSERT INTO milestone (tenant_id, workstream_id, id, title, owner_tenant_id, planned_date, actual_date, status) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1a000000-0000-4000-8000-000000000101',
     'Harbour phase in Mombasa completed', '0a000000-0000-4000-8000-000000000002', '2026-10-20', '2026-10-21', 'DONE'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1a000000-0000-4000-8000-000000000102',
     'Sea phase: boarding serials', '0a000000-0000-4000-8000-000000000001', '2026-11-18', NULL, 'IN_PROGRESS'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1a000000-0000-4000-8000-000000000103',
     'Final after-action review', '0a000000-0000-4000-8000-000000000003', '2026-12-12', NULL, 'PLANNED'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1a000000-0000-4000-8000-000000000501',
     'Sea trials in Tromsø', '0a000000-0000-4000-8000-000000000008', '2026-11-30', NULL, 'PLANNED')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000004', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000006', true);
INSERT INTO milestone (tenant_id, workstream_id, id, title, owner_tenant_id, planned_date, actual_date, status) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1a000000-0000-4000-8000-000000000201',
     'Second forward medical facility operational', '0a000000-0000-4000-8000-000000000005', '2026-11-01', NULL, 'IN_PROGRESS'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1a000000-0000-4000-8000-000000000202',
     'Mid-mandate review', '0a000000-0000-4000-8000-000000000004', '2026-12-05', NULL, 'PLANNED'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000006', '1a000000-0000-4000-8000-000000000601',
     'Joint access-constraints report Q4', '0a000000-0000-4000-8000-000000000006', '2026-11-20', NULL, 'PLANNED')
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Contributions, each by its contributor (EUR values are computed by the database), with the date
-- of the pledge and of the last delivery (none while nothing is delivered)
-- ---------------------------------------------------------------------------------------------
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000002', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000101', 'FUNDING',
     'Exercise host-nation costs and fuel', 'NOK', 12500000, 9000000, '2026-05-12', '2026-11-14', 'PARTICIPANTS', '{}'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000102', 'EQUIPMENT',
     'Frigate with embarked helicopter, 21 days', 'NOK', 38000000, 38000000, '2026-05-12', '2026-11-22', 'ALL_PARTNERS', '{}'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1b000000-0000-4000-8000-000000000501', 'FUNDING',
     'Project funding 2026-2028', 'NOK', 18000000, 6000000, '2025-12-01', '2026-07-01', 'PARTICIPANTS', '{}'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000301', 'PERSONNEL',
     'Two analysts seconded to the liaison cell', 'PERSON_DAY', 180, 60, '2026-01-20', '2026-10-31', 'REL_TO', '{0a000000-0000-4000-8000-000000000003}'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000401', 'FUNDING',
     'Field trial hosting and range time', 'NOK', 4000000, 0, '2026-02-10', NULL, 'PARTICIPANTS', '{}')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000002', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000003', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000103', 'PERSONNEL',
     'Kenya Navy boarding teams and coast guard', 'PERSON_DAY', 1200, 800, '2026-06-03', '2026-11-20', 'ALL_PARTNERS', '{}'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000104', 'IN_KIND',
     'Berths, warehousing and security at Mombasa port', 'KES', 45000000, 45000000, '2026-06-03', '2026-10-21', 'PARTICIPANTS', '{}'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000201', 'PERSONNEL',
     'Engineering company, six months', 'PERSON_DAY', 2400, 1500, '2026-02-16', '2026-09-30', 'PARTICIPANTS', '{}'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000302', 'IN_KIND',
     'Regional fusion-centre facilities in Nairobi', 'KES', 30000000, 10000000, '2026-01-28', '2026-08-15', 'REL_TO',
     '{0a000000-0000-4000-8000-000000000003,0a000000-0000-4000-8000-000000000005}')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000005', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000105', 'FUNDING',
     'Exercise planning and evaluation team costs', 'EUR', 600000, 450000, '2026-04-22', '2026-11-18', 'ALL_PARTNERS', '{}'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000303', 'FUNDING',
     'Secure exchange platform licences', 'EUR', 250000, 250000, '2026-01-15', '2026-03-02', 'PARTICIPANTS', '{}'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000402', 'FUNDING',
     'Common-funded research budget', 'EUR', 1950000, 700000, '2025-11-28', '2026-09-30', 'ALL_PARTNERS', '{}')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000004', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000006', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000202', 'FUNDING',
     'Assessed contributions for mission support', 'USD', 4000000, 2500000, '2026-02-01', '2026-10-15', 'ALL_PARTNERS', '{}'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000006', '1b000000-0000-4000-8000-000000000601', 'FUNDING',
     'Coordination cell running costs', 'USD', 750000, 300000, '2026-03-20', '2026-09-01', 'PARTICIPANTS', '{}')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000005', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000007', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000203', 'PERSONNEL',
     'Formed police unit and civilian staff', 'PERSON_DAY', 3600, 2100, '2026-02-20', '2026-11-01', 'PARTICIPANTS', '{}'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000304', 'PERSONNEL',
     'Sources and methods review board (internal)', 'PERSON_DAY', 40, 10, '2026-02-05', '2026-06-30', 'PRIVATE', '{}'),
    ('0a000000-0000-4000-8000-000000000005', '0c000000-0000-4000-8000-000000000007', '1b000000-0000-4000-8000-000000000701', 'FUNDING',
     'Logistics support budget, subject to vetting', 'USD', 1200000, 0, '2026-10-05', NULL, 'PARTICIPANTS', '{}')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000006', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000008', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000002', '1b000000-0000-4000-8000-000000000204', 'IN_KIND',
     'Mobile clinics and medical supplies', 'EUR', 350000, 200000, '2026-03-10', '2026-10-28', 'PARTICIPANTS', '{}'),
    ('0a000000-0000-4000-8000-000000000004', '0c000000-0000-4000-8000-000000000006', '1b000000-0000-4000-8000-000000000602', 'PERSONNEL',
     'Humanitarian liaison officers', 'PERSON_DAY', 900, 420, '2026-04-15', '2026-11-10', 'ALL_PARTNERS', '{}')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000007', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000009', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000106', 'EQUIPMENT',
     'Two escort vessels with crews (commercial rates)', 'USD', 850000, 850000, '2026-07-01', '2026-11-22', 'REL_TO', '{0a000000-0000-4000-8000-000000000001}'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000107', 'IN_KIND',
     'Company risk assessment for the exercise area', 'GBP', 40000, 40000, '2026-07-01', '2026-08-20', 'PRIVATE', '{}')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000008', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000010', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000403', 'IN_KIND',
     'Sensor hardware and engineering at cost', 'GBP', 300000, 120000, '2026-01-12', '2026-09-15', 'REL_TO', '{0a000000-0000-4000-8000-000000000003}'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1b000000-0000-4000-8000-000000000502', 'EQUIPMENT',
     'Two USV demonstrator hulls', 'GBP', 900000, 450000, '2026-01-20', '2026-10-30', 'PARTICIPANTS', '{}')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000009', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000011', true);
INSERT INTO contribution (tenant_id, workstream_id, id, type, description, unit, pledged_amount, delivered_amount, pledged_on, delivered_on, releasability, rel_to) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000404', 'PERSONNEL',
     'Researchers and PhD candidates', 'PERSON_DAY', 640, 300, '2026-01-12', '2026-11-13', 'PARTICIPANTS', '{}'),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000005', '1b000000-0000-4000-8000-000000000503', 'PERSONNEL',
     'Cold-lab test engineers', 'PERSON_DAY', 400, 150, '2026-02-02', '2026-11-06', 'ALL_PARTNERS', '{}')
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Discussion: a thread with a reply and a mention, and a comment released to two partners only
-- ---------------------------------------------------------------------------------------------
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000001', true);
INSERT INTO comment (tenant_id, workstream_id, id, parent_id, author_tenant_id, author_member_id, body, releasability, rel_to, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1c000000-0000-4000-8000-000000000101', NULL,
     '0a000000-0000-4000-8000-000000000001', '0b000000-0000-4000-8000-000000000001',
     'Sea phase slips two days because of weather. @amina.odhiambo can the boarding teams stay embarked until 22 November?',
     'PARTICIPANTS', '{}', '2026-11-17 08:30:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO comment_mention (tenant_id, workstream_id, comment_id, mentioned_member_id, mentioned_tenant_id) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1c000000-0000-4000-8000-000000000101',
     '0b000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000002')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000002', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000003', true);
INSERT INTO comment (tenant_id, workstream_id, id, parent_id, author_tenant_id, author_member_id, body, releasability, rel_to, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '1c000000-0000-4000-8000-000000000102',
     '1c000000-0000-4000-8000-000000000101', '0a000000-0000-4000-8000-000000000002', '0b000000-0000-4000-8000-000000000003',
     'Yes, both teams stay embarked; relief crews arrive from Mombasa on 20 November.',
     'PARTICIPANTS', '{}', '2026-11-17 11:05:00+00')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000004', true);
INSERT INTO comment (tenant_id, workstream_id, id, parent_id, author_tenant_id, author_member_id, body, releasability, rel_to, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '1c000000-0000-4000-8000-000000000301', NULL,
     '0a000000-0000-4000-8000-000000000003', '0b000000-0000-4000-8000-000000000004',
     'Draft handling annex attached for Norway and Kenya first; wider release after their legal review.',
     'REL_TO', '{0a000000-0000-4000-8000-000000000001,0a000000-0000-4000-8000-000000000002}', '2026-11-10 14:00:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1c000000-0000-4000-8000-000000000401', NULL,
     '0a000000-0000-4000-8000-000000000003', '0b000000-0000-4000-8000-000000000004',
     'TRL 4 reached in the lab. Design review for the sensor mesh is set for 10 December.',
     'PARTICIPANTS', '{}', '2026-09-23 09:15:00+00')
ON CONFLICT DO NOTHING;

SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000008', true), set_config('app.user_id', '0b000000-0000-4000-8000-000000000010', true);
INSERT INTO comment (tenant_id, workstream_id, id, parent_id, author_tenant_id, author_member_id, body, releasability, rel_to, created_at) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000004', '1c000000-0000-4000-8000-000000000402',
     '1c000000-0000-4000-8000-000000000401', '0a000000-0000-4000-8000-000000000008', '0b000000-0000-4000-8000-000000000010',
     'We will bring the second hardware batch to the review.', 'PARTICIPANTS', '{}', '2026-09-24 10:40:00+00')
ON CONFLICT DO NOTHING;

-- A notification for the pending invitation, in un-dpo's partition (once).
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000004', true), set_config('app.user_id', '', true);
INSERT INTO notification (tenant_id, recipient_member_id, kind, workstream_tenant_id, workstream_id, text, created_at)
SELECT '0a000000-0000-4000-8000-000000000004', NULL, 'INVITATION', '0a000000-0000-4000-8000-000000000001',
       '0c000000-0000-4000-8000-000000000001', 'Kingdom of Norway invites you to observe Exercise Blue Horizon 2026.',
       '2026-11-12 09:00:00+00'
 WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.kind = 'INVITATION'
                      AND n.workstream_id = '0c000000-0000-4000-8000-000000000001');

SELECT set_config('app.tenant_id', '', true), set_config('app.user_id', '', true);
