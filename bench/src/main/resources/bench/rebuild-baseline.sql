-- The fastest set-based rebuild of one tenant: one INSERT ... SELECT writing each reservation's
-- final state, in one transaction, as the tenant role (what the service's rebuild does, minus Java).
BEGIN;
SELECT set_config('role', 'reservation_tenant', true), set_config('app.tenant_id', :'tenant', true);
DELETE FROM reservations;
INSERT INTO reservations (id, tenant_id, user_id, parking_spot_id, start_time, end_time,
                          duration_hours, total_cost, status, transaction_id, created_at, updated_at)
SELECT c.aggregate_id, c.tenant_id, (c.data->>'user_id')::uuid, c.data->>'parking_spot_id',
       (c.data->>'start_time')::timestamptz, (c.data->>'end_time')::timestamptz,
       (c.data->>'duration_hours')::int, (c.data->>'total_cost')::numeric,
       coalesce(l.status, 'PENDING'), l.txn, c.created_at, coalesce(l.updated_at, c.created_at)
FROM event_store c
LEFT JOIN (
  SELECT aggregate_id,
         (array_agg(data->>'status' ORDER BY version DESC))[1] AS status,
         max(data->>'transaction_id') AS txn,
         max(created_at) AS updated_at
  FROM event_store WHERE version > 1 GROUP BY aggregate_id
) l USING (aggregate_id)
WHERE c.event_type = 'RESERVATION_CREATED';
COMMIT;
