-- Demo world: the 9 demo organizations and the 13 demo users that belong to one, plus 48 partner
-- organizations without members, matching the Keycloak realm 'entente' (same ids, aliases, names,
-- usernames, emails and realm roles). Users without an organization (pat.ops, guest.unaffiliated)
-- have no tenant and so no member row.
--
-- Repeatable and idempotent: upserts by primary key and changes a row only when it differs, so
-- running it again is harmless. Applied only when the app adds the location classpath:db/demo.
--
-- Row-level security is forced for the owner too, so each block first sets the tenant context
-- (transaction-local, like the application does); the last statement clears it again.
--
-- capacity_index is the fair-share weight of the analytics (burden ratio = share of the delivered
-- total / share of capacity), in US dollars, billions, from public figures, rounded:
--   * states: GDP in current prices, 2024, IMF World Economic Outlook (October 2024 edition);
--   * every other organization: annual budget, expenditure or revenue, approximate, as stated next
--     to it (UN peacekeeping: approved budget July 2024 - June 2025; fictional organizations: an
--     invented figure of a plausible size). The smallest bodies get the floor 0.01.

-- norway (capacity: GDP 2024 (IMF WEO))
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000001', 'norway', 'Kingdom of Norway', 'STATE', 'Northern Europe', 503.75)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000001', '0b000000-0000-4000-8000-000000000001', 'ingrid.solberg', 'Ingrid Solberg', 'ingrid.solberg@norway.demo.entente.org', '{member}'),
       ('0a000000-0000-4000-8000-000000000001', '0b000000-0000-4000-8000-000000000002', 'lars.haugen', 'Lars Haugen', 'lars.haugen@norway.demo.entente.org', '{member,tenant-admin}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- kenya (capacity: GDP 2024 (IMF WEO))
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000002', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000002', 'kenya', 'Republic of Kenya', 'STATE', 'East Africa', 116.31)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000002', '0b000000-0000-4000-8000-000000000003', 'amina.odhiambo', 'Amina Odhiambo', 'amina.odhiambo@kenya.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- nato-act (capacity: approximate share of NATO's common-funded military budget (about EUR 2 billion in 2024))
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000003', 'nato-act', 'NATO Allied Command Transformation', 'ALLIANCE', 'Euro-Atlantic', 0.25)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000003', '0b000000-0000-4000-8000-000000000004', 'claire.dubois', 'Claire Dubois', 'claire.dubois@nato-act.demo.entente.org', '{member}'),
       ('0a000000-0000-4000-8000-000000000003', '0b000000-0000-4000-8000-000000000005', 'olivia.grant', 'Olivia Grant', 'olivia.grant@nato-act.demo.entente.org', '{member,coordinator}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- un-dpo (capacity: UN peacekeeping budget approved for July 2024 - June 2025 (USD 5.59 billion))
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000004', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000004', 'un-dpo', 'UN Department of Peace Operations', 'IGO', 'Global', 5.59)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000004', '0b000000-0000-4000-8000-000000000006', 'david.mensah', 'David Mensah', 'david.mensah@un-dpo.demo.entente.org', '{member}'),
       ('0a000000-0000-4000-8000-000000000004', '0b000000-0000-4000-8000-000000000014', 'amadou.ba', 'Amadou Ba', 'amadou.ba@un-dpo.demo.entente.org', '{member,coordinator}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- au-psd (capacity: African Union Peace Fund, approximate)
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000005', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000005', 'au-psd', 'African Union Peace and Security Department', 'IGO', 'Africa', 0.40)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000005', '0b000000-0000-4000-8000-000000000007', 'fatou.diallo', 'Fatou Diallo', 'fatou.diallo@au-psd.demo.entente.org', '{member}'),
       ('0a000000-0000-4000-8000-000000000005', '0b000000-0000-4000-8000-000000000015', 'nomvula.dlamini', 'Nomvula Dlamini', 'nomvula.dlamini@au-psd.demo.entente.org', '{member,coordinator}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- relief-coalition (capacity: fictional NGO, invented annual budget)
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000006', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000006', 'relief-coalition', 'Global Relief Coalition', 'NGO', 'Global', 0.30)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000006', '0b000000-0000-4000-8000-000000000008', 'sara.lindqvist', 'Sara Lindqvist', 'sara.lindqvist@relief-coalition.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- aegis-maritime (capacity: fictional company, invented annual revenue)
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000007', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000007', 'aegis-maritime', 'Aegis Maritime Security Ltd', 'PRIVATE_SECURITY', 'Indian Ocean', 0.08)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000007', '0b000000-0000-4000-8000-000000000009', 'tom.baker', 'Tom Baker', 'tom.baker@aegis-maritime.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- northwind (capacity: fictional company, invented annual revenue)
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000008', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000008', 'northwind', 'Northwind Systems plc', 'CORPORATION', 'Europe', 6.50)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000008', '0b000000-0000-4000-8000-000000000010', 'mei.chen', 'Mei Chen', 'mei.chen@northwind.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- delft-defence-lab (capacity: fictional research lab, invented annual budget)
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000009', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES ('0a000000-0000-4000-8000-000000000009', 'delft-defence-lab', 'Delft Defence Research Lab', 'ACADEMIA', 'Europe', 0.15)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000009', '0b000000-0000-4000-8000-000000000011', 'pieter.devries', 'Pieter de Vries', 'pieter.devries@delft-defence-lab.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- Partner organizations without members (ids 10-57): the partners of the generated demo history
-- (db.demo.R__demo_history). Nobody signs in for them; each is an organization of the demo realm
-- too, so reconciliation finds nothing to repair. Real states and intergovernmental bodies carry
-- their real names; NGOs, companies and universities are fictional. One statement for all of them:
-- tenant's owner-only policy tenant_platform_operation (V20) opens while app.definer_call is 'on'.
SELECT set_config('app.definer_call', 'on', true);
INSERT INTO tenant AS t (id, alias, name, kind, region, capacity_index)
VALUES
    -- NATO member states: GDP 2024 (IMF WEO)
    ('0a000000-0000-4000-8000-000000000010', 'united-states', 'United States of America', 'STATE', 'North America', 29167.78),
    ('0a000000-0000-4000-8000-000000000011', 'germany', 'Federal Republic of Germany', 'STATE', 'Western Europe', 4710.03),
    ('0a000000-0000-4000-8000-000000000012', 'united-kingdom', 'United Kingdom of Great Britain and Northern Ireland', 'STATE', 'Western Europe', 3587.55),
    ('0a000000-0000-4000-8000-000000000013', 'france', 'French Republic', 'STATE', 'Western Europe', 3174.10),
    ('0a000000-0000-4000-8000-000000000014', 'italy', 'Italian Republic', 'STATE', 'Southern Europe', 2376.51),
    ('0a000000-0000-4000-8000-000000000015', 'canada', 'Canada', 'STATE', 'North America', 2214.80),
    ('0a000000-0000-4000-8000-000000000016', 'spain', 'Kingdom of Spain', 'STATE', 'Southern Europe', 1731.47),
    ('0a000000-0000-4000-8000-000000000017', 'turkiye', 'Republic of Türkiye', 'STATE', 'Southeast Europe', 1344.32),
    ('0a000000-0000-4000-8000-000000000018', 'netherlands', 'Kingdom of the Netherlands', 'STATE', 'Western Europe', 1142.51),
    ('0a000000-0000-4000-8000-000000000019', 'poland', 'Republic of Poland', 'STATE', 'Central Europe', 915.46),
    ('0a000000-0000-4000-8000-000000000020', 'sweden', 'Kingdom of Sweden', 'STATE', 'Northern Europe', 609.99),
    ('0a000000-0000-4000-8000-000000000021', 'denmark', 'Kingdom of Denmark', 'STATE', 'Northern Europe', 412.29),
    ('0a000000-0000-4000-8000-000000000022', 'finland', 'Republic of Finland', 'STATE', 'Northern Europe', 299.84),
    ('0a000000-0000-4000-8000-000000000023', 'estonia', 'Republic of Estonia', 'STATE', 'Baltic', 42.76),
    -- Partner states: GDP 2024 (IMF WEO)
    ('0a000000-0000-4000-8000-000000000024', 'japan', 'Japan', 'STATE', 'East Asia', 4070.09),
    ('0a000000-0000-4000-8000-000000000025', 'australia', 'Commonwealth of Australia', 'STATE', 'Oceania', 1802.01),
    ('0a000000-0000-4000-8000-000000000026', 'republic-of-korea', 'Republic of Korea', 'STATE', 'East Asia', 1760.95),
    ('0a000000-0000-4000-8000-000000000027', 'ukraine', 'Ukraine', 'STATE', 'Eastern Europe', 184.10),
    ('0a000000-0000-4000-8000-000000000028', 'nigeria', 'Federal Republic of Nigeria', 'STATE', 'West Africa', 252.74),
    ('0a000000-0000-4000-8000-000000000029', 'south-africa', 'Republic of South Africa', 'STATE', 'Southern Africa', 403.05),
    -- Gulf Cooperation Council states: GDP 2024 (IMF WEO)
    ('0a000000-0000-4000-8000-000000000030', 'saudi-arabia', 'Kingdom of Saudi Arabia', 'STATE', 'Gulf', 1106.72),
    ('0a000000-0000-4000-8000-000000000031', 'united-arab-emirates', 'United Arab Emirates', 'STATE', 'Gulf', 545.05),
    ('0a000000-0000-4000-8000-000000000032', 'qatar', 'State of Qatar', 'STATE', 'Gulf', 221.41),
    ('0a000000-0000-4000-8000-000000000033', 'kuwait', 'State of Kuwait', 'STATE', 'Gulf', 160.22),
    ('0a000000-0000-4000-8000-000000000034', 'oman', 'Sultanate of Oman', 'STATE', 'Gulf', 108.85),
    ('0a000000-0000-4000-8000-000000000035', 'bahrain', 'Kingdom of Bahrain', 'STATE', 'Gulf', 47.13),
    -- Alliance bodies: budgets, approximate (CCDCOE: a few million euros, the floor; NSPA: yearly
    -- business volume; GCC Secretariat and Peninsula Shield Force: not published, estimated)
    ('0a000000-0000-4000-8000-000000000036', 'nato-ccdcoe', 'NATO Cooperative Cyber Defence Centre of Excellence', 'ALLIANCE', 'Northern Europe', 0.01),
    ('0a000000-0000-4000-8000-000000000037', 'nato-nspa', 'NATO Support and Procurement Agency', 'ALLIANCE', 'Euro-Atlantic', 8.00),
    ('0a000000-0000-4000-8000-000000000038', 'gcc-secretariat', 'Gulf Cooperation Council Secretariat General', 'ALLIANCE', 'Gulf', 0.05),
    ('0a000000-0000-4000-8000-000000000039', 'peninsula-shield', 'Peninsula Shield Force', 'ALLIANCE', 'Gulf', 0.50),
    -- UN, AU and regional bodies: budgets or expenditure, approximate (UNHCR: expenditure 2023;
    -- OCHA, UNMAS, AUSSOM, ECOWAS Commission: annual budgets)
    ('0a000000-0000-4000-8000-000000000040', 'unhcr', 'Office of the UN High Commissioner for Refugees', 'IGO', 'Global', 5.30),
    ('0a000000-0000-4000-8000-000000000041', 'un-ocha', 'UN Office for the Coordination of Humanitarian Affairs', 'IGO', 'Global', 0.32),
    ('0a000000-0000-4000-8000-000000000042', 'unmas', 'UN Mine Action Service', 'IGO', 'Global', 0.15),
    ('0a000000-0000-4000-8000-000000000043', 'au-aussom', 'African Union Support and Stabilization Mission in Somalia', 'IGO', 'East Africa', 0.19),
    ('0a000000-0000-4000-8000-000000000044', 'ecowas-commission', 'ECOWAS Commission', 'IGO', 'West Africa', 0.45),
    -- Fictional NGOs, private security companies, corporations and universities: invented budgets
    -- or revenues of a plausible size
    ('0a000000-0000-4000-8000-000000000045', 'frontline-medics', 'Frontline Medics International', 'NGO', 'Global', 0.25),
    ('0a000000-0000-4000-8000-000000000046', 'clear-ground', 'Clear Ground Demining Alliance', 'NGO', 'Global', 0.09),
    ('0a000000-0000-4000-8000-000000000047', 'sahel-women-peace', 'Sahel Women for Peace Network', 'NGO', 'Sahel', 0.01),
    ('0a000000-0000-4000-8000-000000000048', 'sentinel-risk', 'Sentinel Risk Partners LLC', 'PRIVATE_SECURITY', 'Middle East', 0.35),
    ('0a000000-0000-4000-8000-000000000049', 'kestrel-protective', 'Kestrel Protective Services (Pty) Ltd', 'PRIVATE_SECURITY', 'Africa', 0.12),
    ('0a000000-0000-4000-8000-000000000050', 'ironbridge-security', 'Ironbridge Security Group plc', 'PRIVATE_SECURITY', 'Europe', 0.60),
    ('0a000000-0000-4000-8000-000000000051', 'corvane-dynamics', 'Corvane Dynamics Inc.', 'CORPORATION', 'North America', 42.00),
    ('0a000000-0000-4000-8000-000000000052', 'halvard-aerospace', 'Halvard Aerospace AG', 'CORPORATION', 'Europe', 18.00),
    ('0a000000-0000-4000-8000-000000000053', 'thalassa-naval-yards', 'Thalassa Naval Yards SA', 'CORPORATION', 'Southern Europe', 3.40),
    ('0a000000-0000-4000-8000-000000000054', 'orsolan-cyber', 'Orsolan Cyber Systems Oy', 'CORPORATION', 'Northern Europe', 1.20),
    ('0a000000-0000-4000-8000-000000000055', 'cascadia-polytechnic', 'Cascadia Polytechnic University', 'ACADEMIA', 'North America', 1.90),
    ('0a000000-0000-4000-8000-000000000056', 'baltic-security-institute', 'Baltic Institute for Security Studies', 'ACADEMIA', 'Baltic', 0.02),
    ('0a000000-0000-4000-8000-000000000057', 'gulf-strategic-tech', 'Gulf Institute of Strategic Technology', 'ACADEMIA', 'Gulf', 0.30)
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       capacity_index = excluded.capacity_index, updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region, t.capacity_index) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region, excluded.capacity_index);
SELECT set_config('app.definer_call', '', true);

SELECT set_config('app.tenant_id', '', true);
