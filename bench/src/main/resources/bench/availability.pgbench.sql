-- checkAvailability(parkingSpotId, startTime, durationHours: 2) as raw SQL.
\set t random(1, 8)
\set s random(0, 4999)
\set h random(0, 74)
BEGIN;
SELECT set_config('role', 'reservation_tenant', true), set_config('app.tenant_id', '00000000-0000-0000-0000-00000000000' || :t, true);
SELECT id FROM reservations WHERE parking_spot_id = 'S-' || :s AND status IN ('PENDING', 'CONFIRMED') AND tstzrange(start_time, end_time, '[)') && tstzrange(timestamptz '2027-01-01 00:00:00+00' + :h * interval '1 hour', timestamptz '2027-01-01 02:00:00+00' + :h * interval '1 hour', '[)') ORDER BY start_time, id;
COMMIT;
