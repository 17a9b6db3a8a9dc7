-- Demo events (issue #21): exercises, a conference and a course in two demo workstreams, with registrations, a
-- waiting list and feedback. Runs after R__demo_workstreams (its name sorts after it).
--
-- Repeatable and idempotent like the other demo files: fixed ids, ON CONFLICT DO NOTHING. Events are planned as
-- their lead (event_insert); registrations and feedback are written by V68's functions in the app, so here, as the
-- owner, with app.definer_call on (the owner-only policies those functions use), as they would have left them.
-- Event ids 2e000000-...-0000000000NN. "Today" in the demo is 2026-11-25.

-- nato-act leads the Counter-Terrorism Intelligence-Sharing Framework (0c..03): Norway, Kenya and AU PSD take part.
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000005', true);
INSERT INTO event (tenant_id, workstream_id, id, type, title, description, location_name, latitude, longitude,
                   starts_at, ends_at, zone, capacity, quota_per_org) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003',
     '2e000000-0000-4000-8000-000000000001', 'EXERCISE', 'Coalition Intelligence Fusion Exercise 2027',
     'Command-post exercise of the fusion cell: shared threat picture, release decisions under time pressure.',
     'SHAPE, Mons', 50.50000, 3.98000, '2027-03-30 09:00 Europe/Brussels', '2027-04-01 16:00 Europe/Brussels',
     'Europe/Brussels', 4, 2),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003',
     '2e000000-0000-4000-8000-000000000002', 'COURSE', 'Intelligence Analyst Course 2026',
     'Five-day course on structured analytic techniques and releasability markings.',
     'NATO School Oberammergau', 47.59700, 11.06400, '2026-10-05 08:30 Europe/Berlin', '2026-10-09 15:00 Europe/Berlin',
     'Europe/Berlin', 20, NULL)
ON CONFLICT DO NOTHING;

-- norway leads Exercise Blue Horizon 2026 (0c..01): Kenya, NATO ACT and Aegis Maritime take part.
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true),
       set_config('app.user_id', '0b000000-0000-4000-8000-000000000001', true);
INSERT INTO event (tenant_id, workstream_id, id, type, title, description, location_name, latitude, longitude,
                   online_link, starts_at, ends_at, zone, capacity, quota_per_org) VALUES
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001',
     '2e000000-0000-4000-8000-000000000003', 'CONFERENCE', 'Blue Horizon 2027 Initial Planning Conference',
     'Scenario, serials and force offers for the 2027 edition.', 'Mombasa', -4.04300, 39.66800, NULL,
     '2027-02-16 08:30 Africa/Nairobi', '2027-02-18 17:00 Africa/Nairobi', 'Africa/Nairobi', 30, 6),
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001',
     '2e000000-0000-4000-8000-000000000004', 'MEETING', 'Blue Horizon 2026 after-action review',
     'Online review of the lessons identified.', '', NULL, NULL, 'https://meet.demo.entente.org/blue-horizon-aar',
     '2026-12-17 13:00 Europe/Oslo', '2026-12-17 15:00 Europe/Oslo', 'Europe/Oslo', NULL, NULL)
ON CONFLICT DO NOTHING;

-- Registrations and feedback, as V68's functions write them (the owner, definer_call on).
SELECT set_config('app.definer_call', 'on', true);
INSERT INTO event_registration (tenant_id, workstream_id, event_id, member_tenant_id, member_id, member_name, status,
                                position, registered_by, created_at) VALUES
    -- The fusion exercise: four seats, at most two per organization; one seat is left (for ingrid.solberg).
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '2e000000-0000-4000-8000-000000000001',
     '0a000000-0000-4000-8000-000000000002', '0b000000-0000-4000-8000-000000000003', 'Amina Odhiambo', 'REGISTERED', 0,
     '0b000000-0000-4000-8000-000000000003', '2026-11-10 10:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '2e000000-0000-4000-8000-000000000001',
     '0a000000-0000-4000-8000-000000000005', '0b000000-0000-4000-8000-000000000007', 'Fatou Diallo', 'REGISTERED', 0,
     '0b000000-0000-4000-8000-000000000015', '2026-11-12 09:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '2e000000-0000-4000-8000-000000000001',
     '0a000000-0000-4000-8000-000000000005', '0b000000-0000-4000-8000-000000000015', 'Nomvula Dlamini', 'REGISTERED', 0,
     '0b000000-0000-4000-8000-000000000015', '2026-11-12 09:01+00'),
    -- The analyst course (past): Ingrid and Amina attended and rated it.
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '2e000000-0000-4000-8000-000000000002',
     '0a000000-0000-4000-8000-000000000001', '0b000000-0000-4000-8000-000000000001', 'Ingrid Solberg', 'REGISTERED', 0,
     '0b000000-0000-4000-8000-000000000001', '2026-09-01 08:00+00'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '2e000000-0000-4000-8000-000000000002',
     '0a000000-0000-4000-8000-000000000002', '0b000000-0000-4000-8000-000000000003', 'Amina Odhiambo', 'REGISTERED', 0,
     '0b000000-0000-4000-8000-000000000003', '2026-09-02 08:00+00'),
    -- The planning conference: NATO ACT's member is registered.
    ('0a000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000001', '2e000000-0000-4000-8000-000000000003',
     '0a000000-0000-4000-8000-000000000003', '0b000000-0000-4000-8000-000000000004', 'Claire Dubois', 'REGISTERED', 0,
     '0b000000-0000-4000-8000-000000000004', '2026-11-20 14:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO event_feedback (tenant_id, workstream_id, event_id, member_tenant_id, member_id, rating, comment) VALUES
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '2e000000-0000-4000-8000-000000000002',
     '0a000000-0000-4000-8000-000000000001', '0b000000-0000-4000-8000-000000000001', 4,
     'Good techniques; more time on markings would help.'),
    ('0a000000-0000-4000-8000-000000000003', '0c000000-0000-4000-8000-000000000003', '2e000000-0000-4000-8000-000000000002',
     '0a000000-0000-4000-8000-000000000002', '0b000000-0000-4000-8000-000000000003', 5, 'Excellent instructors.')
ON CONFLICT DO NOTHING;
SELECT set_config('app.definer_call', '', true);
