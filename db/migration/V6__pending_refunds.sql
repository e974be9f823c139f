-- Refunds that wait to be sent to the payment service. Rows follow the events of each reservation
-- (REFUND_REQUESTED adds one in the transaction that records it, REFUND_FAILED moves its next
-- attempt, REFUND_COMPLETED removes it), so a refund survives a restart. The refund worker takes
-- due rows FOR UPDATE SKIP LOCKED as the system role and leases them for the length of one call:
-- with several instances, each refund is sent by one of them at a time.
CREATE TABLE IF NOT EXISTS pending_refunds (
    tenant_id       uuid          NOT NULL,
    transaction_id  varchar(255)  NOT NULL,
    reservation_id  uuid          NOT NULL,
    amount          numeric(10,2) NOT NULL,
    reason          text,
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    leased_until    timestamptz,
    last_error      text,
    PRIMARY KEY (tenant_id, transaction_id)
);

CREATE INDEX IF NOT EXISTS pending_refunds_due ON pending_refunds (next_attempt_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON pending_refunds TO reservation_tenant;
GRANT SELECT, UPDATE ON pending_refunds TO reservation_system;

ALTER TABLE pending_refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE pending_refunds FORCE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS tenant_isolation ON pending_refunds;
CREATE POLICY tenant_isolation ON pending_refunds
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

DROP POLICY IF EXISTS system_all ON pending_refunds;
CREATE POLICY system_all ON pending_refunds TO reservation_system USING (true) WITH CHECK (true);
