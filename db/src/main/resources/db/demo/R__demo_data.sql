-- Demo world: the 9 demo organizations and the 11 demo users that belong to one, matching the
-- Keycloak realm 'entente' (same ids, aliases, usernames, emails and realm roles). Users without an
-- organization (pat.ops, guest.unaffiliated) have no tenant and so no member row.
--
-- Repeatable and idempotent: upserts by primary key and changes a row only when it differs, so
-- running it again is harmless. Applied only when the app adds the location classpath:db/demo.
--
-- Row-level security is forced for the owner too, so each block first sets the tenant context
-- (transaction-local, like the application does); the last statement clears it again.

-- norway
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000001', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000001', 'norway', 'Kingdom of Norway', 'STATE', 'Northern Europe')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000001', '0b000000-0000-4000-8000-000000000001', 'ingrid.solberg', 'Ingrid Solberg', 'ingrid.solberg@norway.demo.entente.org', '{member}'),
       ('0a000000-0000-4000-8000-000000000001', '0b000000-0000-4000-8000-000000000002', 'lars.haugen', 'Lars Haugen', 'lars.haugen@norway.demo.entente.org', '{member,tenant-admin}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- kenya
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000002', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000002', 'kenya', 'Republic of Kenya', 'STATE', 'East Africa')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000002', '0b000000-0000-4000-8000-000000000003', 'amina.odhiambo', 'Amina Odhiambo', 'amina.odhiambo@kenya.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- nato-act
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000003', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000003', 'nato-act', 'NATO Allied Command Transformation', 'ALLIANCE', 'Euro-Atlantic')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000003', '0b000000-0000-4000-8000-000000000004', 'claire.dubois', 'Claire Dubois', 'claire.dubois@nato-act.demo.entente.org', '{member}'),
       ('0a000000-0000-4000-8000-000000000003', '0b000000-0000-4000-8000-000000000005', 'olivia.grant', 'Olivia Grant', 'olivia.grant@nato-act.demo.entente.org', '{member,coordinator}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- un-dpo
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000004', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000004', 'un-dpo', 'UN Department of Peace Operations', 'IGO', 'Global')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000004', '0b000000-0000-4000-8000-000000000006', 'david.mensah', 'David Mensah', 'david.mensah@un-dpo.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- au-psd
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000005', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000005', 'au-psd', 'African Union Peace and Security Department', 'IGO', 'Africa')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000005', '0b000000-0000-4000-8000-000000000007', 'fatou.diallo', 'Fatou Diallo', 'fatou.diallo@au-psd.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- relief-coalition
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000006', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000006', 'relief-coalition', 'Global Relief Coalition', 'NGO', 'Global')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000006', '0b000000-0000-4000-8000-000000000008', 'sara.lindqvist', 'Sara Lindqvist', 'sara.lindqvist@relief-coalition.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- aegis-maritime
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000007', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000007', 'aegis-maritime', 'Aegis Maritime Security Ltd', 'PRIVATE_SECURITY', 'Indian Ocean')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000007', '0b000000-0000-4000-8000-000000000009', 'tom.baker', 'Tom Baker', 'tom.baker@aegis-maritime.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- northwind
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000008', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000008', 'northwind', 'Northwind Systems plc', 'CORPORATION', 'Europe')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000008', '0b000000-0000-4000-8000-000000000010', 'mei.chen', 'Mei Chen', 'mei.chen@northwind.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

-- delft-defence-lab
SELECT set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000009', true);
INSERT INTO tenant AS t (id, alias, name, kind, region)
VALUES ('0a000000-0000-4000-8000-000000000009', 'delft-defence-lab', 'Delft Defence Research Lab', 'ACADEMIA', 'Europe')
ON CONFLICT ON CONSTRAINT tenant_pk DO UPDATE
   SET alias = excluded.alias, name = excluded.name, kind = excluded.kind, region = excluded.region,
       updated_at = now()
 WHERE (t.alias, t.name, t.kind, t.region) IS DISTINCT FROM
       (excluded.alias, excluded.name, excluded.kind, excluded.region);
INSERT INTO member AS m (tenant_id, id, username, display_name, email, roles)
VALUES ('0a000000-0000-4000-8000-000000000009', '0b000000-0000-4000-8000-000000000011', 'pieter.devries', 'Pieter de Vries', 'pieter.devries@delft-defence-lab.demo.entente.org', '{member}')
ON CONFLICT ON CONSTRAINT member_pk DO UPDATE
   SET username = excluded.username, display_name = excluded.display_name, email = excluded.email,
       roles = excluded.roles, updated_at = now()
 WHERE (m.username, m.display_name, m.email, m.roles) IS DISTINCT FROM
       (excluded.username, excluded.display_name, excluded.email, excluded.roles);

SELECT set_config('app.tenant_id', '', true);
