-- Tenant isolation is the database's job. Units of work SET LOCAL ROLE to reservation_tenant and
-- set app.tenant_id for the transaction; cross-tenant readers use reservation_system.
-- Roles are global to the cluster, and several databases may migrate at once: creating one that
-- another migration just created is not an error.

DO $$
BEGIN
    CREATE ROLE reservation_tenant NOLOGIN NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

DO $$
BEGIN
    CREATE ROLE reservation_system NOLOGIN NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

-- The migrating user (the service's login) must be able to SET ROLE to both.
DO $$
DECLARE
    target text;
BEGIN
    FOREACH target IN ARRAY ARRAY['reservation_tenant', 'reservation_system'] LOOP
        IF NOT pg_has_role(current_user, target, 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', target, current_user);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO reservation_tenant, reservation_system;
-- The log is append-only for the service: no UPDATE or DELETE on event_store.
GRANT SELECT, INSERT ON event_store TO reservation_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON reservations TO reservation_tenant;
GRANT SELECT ON event_store, reservations TO reservation_system;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO reservation_tenant;

ALTER TABLE event_store ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_store FORCE ROW LEVEL SECURITY;
ALTER TABLE reservations ENABLE ROW LEVEL SECURITY;
ALTER TABLE reservations FORCE ROW LEVEL SECURITY;

-- The Python service's policy failed when app.tenant_id was unset; ours answers no rows instead.
DROP POLICY IF EXISTS tenant_isolation ON event_store;
CREATE POLICY tenant_isolation ON event_store
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

DROP POLICY IF EXISTS tenant_isolation ON reservations;
CREATE POLICY tenant_isolation ON reservations
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

DROP POLICY IF EXISTS system_read_all ON event_store;
CREATE POLICY system_read_all ON event_store FOR SELECT TO reservation_system USING (true);

DROP POLICY IF EXISTS system_read_all ON reservations;
CREATE POLICY system_read_all ON reservations FOR SELECT TO reservation_system USING (true);
