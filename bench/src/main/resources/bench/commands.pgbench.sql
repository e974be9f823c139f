-- The transaction a createReservation makes, as raw SQL against the same schema and as the service
-- sends it: role + tenant, insert event, insert read-model row, in one round trip (the statements
-- joined with \; go in one message, which PostgreSQL runs as one transaction and commits). No
-- overlap query: the exclusion constraint checks the row as it is inserted, as it does for the
-- service.
\set t random(1, 8)
\set r random(1, 9000000000000000)
SELECT set_config('role', 'reservation_tenant', true), set_config('app.tenant_id', '00000000-0000-0000-0000-00000000000' || :t, true) \;
INSERT INTO event_store (id, aggregate_id, aggregate_type, event_type, version, data, event_metadata, tenant_id, created_at) VALUES (gen_random_uuid(), md5('pg' || :r)::uuid, 'Reservation', 'RESERVATION_CREATED', 1, jsonb_build_object('id', md5('pg' || :r)::uuid, 'tenant_id', ('00000000-0000-0000-0000-00000000000' || :t)::uuid, 'user_id', gen_random_uuid(), 'parking_spot_id', 'PG-' || :r, 'start_time', now() + interval '1 day', 'end_time', now() + interval '26 hours', 'duration_hours', 2, 'total_cost', 5.00, 'status', 'PENDING', 'transaction_id', null, 'created_at', now(), 'updated_at', now()), '{"aggregate_type":"Reservation"}', ('00000000-0000-0000-0000-00000000000' || :t)::uuid, now()) \;
INSERT INTO reservations (id, tenant_id, user_id, parking_spot_id, start_time, end_time, duration_hours, total_cost, status, transaction_id, created_at, updated_at) VALUES (md5('pg' || :r)::uuid, ('00000000-0000-0000-0000-00000000000' || :t)::uuid, gen_random_uuid(), 'PG-' || :r, now() + interval '1 day', now() + interval '26 hours', 2, 5.00, 'PENDING', null, now(), now());
