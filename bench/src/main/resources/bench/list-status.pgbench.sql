-- reservations(status: "CONFIRMED", limit: 50) as raw SQL.
\set t random(1, 8)
BEGIN;
SELECT set_config('role', 'reservation_tenant', true), set_config('app.tenant_id', '00000000-0000-0000-0000-00000000000' || :t, true);
SELECT id, tenant_id, user_id, parking_spot_id, start_time, end_time, duration_hours, total_cost, status, transaction_id, created_at, updated_at FROM reservations WHERE status = 'CONFIRMED' ORDER BY created_at DESC, id LIMIT 50 OFFSET 0;
COMMIT;
