-- 1,000,000 read-model rows over 8 tenants (125,000 each): 5,000 spots per tenant, 25 bookings
-- per spot three hours apart (no overlaps), 10,000 users per tenant, a status mix.
-- Tenant k is 00000000-0000-0000-0000-00000000000k; user u of tenant k is md5('u' || k || '-' || u).
INSERT INTO reservations (id, tenant_id, user_id, parking_spot_id, start_time, end_time,
                          duration_hours, total_cost, status, transaction_id, created_at, updated_at)
SELECT md5('q' || k || '-' || i)::uuid,
       ('00000000-0000-0000-0000-00000000000' || k)::uuid,
       md5('u' || k || '-' || (i % 10000))::uuid,
       'S-' || (i % 5000),
       timestamptz '2027-01-01 00:00:00+00' + (i / 5000) * interval '3 hours',
       timestamptz '2027-01-01 02:00:00+00' + (i / 5000) * interval '3 hours',
       2,
       5.00,
       CASE WHEN i % 10 < 4 THEN 'PENDING' WHEN i % 10 < 7 THEN 'CONFIRMED'
            WHEN i % 10 < 9 THEN 'COMPLETED' ELSE 'CANCELLED' END,
       CASE WHEN i % 10 BETWEEN 4 AND 8 THEN 'txn-' || k || '-' || i END,
       timestamptz '2026-06-01 00:00:00+00' + i * interval '1 second',
       timestamptz '2026-06-01 00:00:00+00' + i * interval '1 second'
FROM generate_series(1, 8) AS k, generate_series(0, :per_tenant - 1) AS i;
ANALYZE reservations;
