-- One tenant's log: :created reservations (RESERVATION_CREATED, version 1) followed by
-- :changes status changes: confirmations, then completions of confirmed ones, then cancellations
-- of others. Payloads as the service writes them (docs/events.md).
INSERT INTO event_store (id, aggregate_id, aggregate_type, event_type, version, data, event_metadata, tenant_id, created_at)
SELECT md5('e1-' || i)::uuid, md5('r' || i)::uuid, 'Reservation', 'RESERVATION_CREATED', 1,
       jsonb_build_object('id', md5('r' || i)::uuid, 'tenant_id', :'tenant'::uuid,
                          'user_id', md5('u' || (i % 50000))::uuid, 'parking_spot_id', 'S-' || (i % 20000),
                          'start_time', to_char((timestamptz '2027-01-01 00:00:00+00' + (i / 20000) * interval '3 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
                          'end_time', to_char((timestamptz '2027-01-01 02:00:00+00' + (i / 20000) * interval '3 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
                          'duration_hours', 2, 'total_cost', 5.00, 'status', 'PENDING', 'transaction_id', null,
                          'created_at', to_char((timestamptz '2026-06-01 00:00:00+00' + i * interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                          'updated_at', to_char((timestamptz '2026-06-01 00:00:00+00' + i * interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')),
       '{"aggregate_type":"Reservation"}', :'tenant'::uuid,
       timestamptz '2026-06-01 00:00:00+00' + i * interval '1 millisecond'
FROM generate_series(1, :created) AS i
ORDER BY i;

-- Changes: the first 5/8 confirm, the next 2/8 complete confirmed ones, the last 1/8 cancel others.
INSERT INTO event_store (id, aggregate_id, aggregate_type, event_type, version, data, event_metadata, tenant_id, created_at)
SELECT md5('e2-' || j)::uuid, md5('r' || target)::uuid, 'Reservation', kind, version,
       CASE kind
         WHEN 'RESERVATION_CONFIRMED' THEN jsonb_build_object('id', md5('r' || target)::uuid, 'status', 'CONFIRMED', 'transaction_id', 'txn-' || target)
         WHEN 'RESERVATION_COMPLETED' THEN jsonb_build_object('id', md5('r' || target)::uuid, 'status', 'COMPLETED')
         ELSE jsonb_build_object('id', md5('r' || target)::uuid, 'status', 'CANCELLED', 'reason', 'bench', 'refund_id', null)
       END,
       '{"aggregate_type":"Reservation"}', :'tenant'::uuid,
       timestamptz '2026-07-01 00:00:00+00' + j * interval '1 millisecond'
FROM (
  SELECT j,
         CASE WHEN j <= :changes * 5 / 8 THEN j
              WHEN j <= :changes * 7 / 8 THEN j - :changes * 5 / 8
              ELSE j - :changes * 7 / 8 + :changes * 5 / 8 END AS target,
         CASE WHEN j <= :changes * 5 / 8 THEN 'RESERVATION_CONFIRMED'
              WHEN j <= :changes * 7 / 8 THEN 'RESERVATION_COMPLETED'
              ELSE 'RESERVATION_CANCELLED' END AS kind,
         CASE WHEN j <= :changes * 5 / 8 THEN 2
              WHEN j <= :changes * 7 / 8 THEN 3
              ELSE 2 END AS version
  FROM generate_series(1, :changes) AS j
) c
ORDER BY j;
ANALYZE event_store;
