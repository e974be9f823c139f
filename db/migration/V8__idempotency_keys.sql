-- Idempotency-Key: each key a request was sent with, in its scope (tenant, acting subject, key),
-- with the fingerprint of the request. A row is claimed (claim set, no answer) in a short
-- transaction of its own before the request runs; its answer (HTTP status and body bytes) is written
-- in the transaction of the events the request caused, so both commit together. Rows are purged
-- IDEMPOTENCY_TTL after created_at by a job that takes them FOR UPDATE SKIP LOCKED as the system
-- role, so several instances purge side by side.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    tenant_id       uuid          NOT NULL,
    subject         varchar(255)  NOT NULL,
    idempotency_key varchar(255)  NOT NULL,
    fingerprint     varchar(64)   NOT NULL,
    claim           uuid,
    claimed_at      timestamptz   NOT NULL,
    created_at      timestamptz   NOT NULL,
    status_code     integer,
    body            bytea,
    PRIMARY KEY (tenant_id, subject, idempotency_key),
    CHECK ((claim IS NULL) = (status_code IS NOT NULL)),
    CHECK ((status_code IS NULL) = (body IS NULL))
);

CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO reservation_tenant;
GRANT SELECT, UPDATE, DELETE ON idempotency_keys TO reservation_system;

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS tenant_isolation ON idempotency_keys;
CREATE POLICY tenant_isolation ON idempotency_keys
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

DROP POLICY IF EXISTS system_all ON idempotency_keys;
CREATE POLICY system_all ON idempotency_keys TO reservation_system USING (true) WITH CHECK (true);
