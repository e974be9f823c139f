-- The list queries order by created_at DESC, id: indexes in that order let a page of
-- reservations(status:, limit:) read 50 index entries instead of sorting every row of a status.
-- They replace the indexes on (tenant_id, created_at) and (tenant_id, status), whose prefixes they
-- cover, so a write maintains no more indexes than before.
CREATE INDEX IF NOT EXISTS reservations_tenant_status_created_idx
    ON reservations (tenant_id, status, created_at DESC, id);
CREATE INDEX IF NOT EXISTS reservations_tenant_created_id_idx
    ON reservations (tenant_id, created_at DESC, id);
DROP INDEX IF EXISTS reservations_tenant_status_idx;
DROP INDEX IF EXISTS reservations_tenant_created_idx;
