-- The event log and the read model. Idempotent: on a database the Python service created, the
-- tables exist already and only what is missing is added (Flyway baselines such a database at 0).

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE IF NOT EXISTS event_store (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    aggregate_id   uuid         NOT NULL,
    aggregate_type varchar(100) NOT NULL,
    event_type     varchar(100) NOT NULL,
    version        integer      NOT NULL,
    data           jsonb        NOT NULL,
    event_metadata jsonb,
    tenant_id      uuid         NOT NULL,
    created_at     timestamptz  NOT NULL
);

-- position: the global order. Rows written before it existed get positions in the order the
-- Python service recorded them (created_at, then version), and new rows continue after them.
DO $$
DECLARE
    next_position bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'event_store'
                     AND column_name = 'position') THEN
        ALTER TABLE event_store ADD COLUMN position bigint;
        UPDATE event_store e SET position = o.n
          FROM (SELECT id, row_number() OVER (ORDER BY created_at, aggregate_id, version) AS n
                  FROM event_store) o
         WHERE e.id = o.id;
        SELECT coalesce(max(position), 0) + 1 INTO next_position FROM event_store;
        ALTER TABLE event_store ALTER COLUMN position SET NOT NULL;
        EXECUTE format('ALTER TABLE event_store ALTER COLUMN position ADD GENERATED ALWAYS AS IDENTITY (START WITH %s)',
                       next_position);
    END IF;
END
$$;

-- transaction_id: the writing transaction, for the gap-free feed.
ALTER TABLE event_store ADD COLUMN IF NOT EXISTS transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id();

-- Optimistic concurrency. The Python service numbered versions with "select max + 1", which
-- could repeat a version under concurrency: such streams are renumbered in recorded order first.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint
                   WHERE conrelid = 'event_store'::regclass AND conname = 'event_store_aggregate_version_key') THEN
        UPDATE event_store e SET version = r.n
          FROM (SELECT id, row_number() OVER (PARTITION BY aggregate_id
                                              ORDER BY version, created_at, position) AS n
                  FROM event_store) r
         WHERE e.id = r.id AND e.version <> r.n;
        ALTER TABLE event_store
            ADD CONSTRAINT event_store_aggregate_version_key UNIQUE (aggregate_id, version);
    END IF;
END
$$;

CREATE INDEX IF NOT EXISTS event_store_feed_idx ON event_store (transaction_id, position);
CREATE INDEX IF NOT EXISTS event_store_tenant_position_idx ON event_store (tenant_id, position);
CREATE INDEX IF NOT EXISTS event_store_tenant_type_idx ON event_store (tenant_id, event_type);

CREATE TABLE IF NOT EXISTS reservations (
    id              uuid PRIMARY KEY,
    tenant_id       uuid           NOT NULL,
    user_id         uuid           NOT NULL,
    parking_spot_id varchar(255)   NOT NULL,
    start_time      timestamptz    NOT NULL,
    end_time        timestamptz    NOT NULL,
    duration_hours  integer        NOT NULL,
    total_cost      decimal(10, 2) NOT NULL,
    status          varchar(50)    NOT NULL DEFAULT 'PENDING',
    transaction_id  varchar(255),
    created_at      timestamptz    NOT NULL,
    updated_at      timestamptz    NOT NULL
);

-- Payment ids are not always UUIDs (the Python schema had uuid here).
ALTER TABLE reservations ALTER COLUMN transaction_id TYPE varchar(255) USING transaction_id::text;

-- No double booking: two active reservations of one tenant's spot never overlap.
-- The Python service could double-book: such rows must be settled by an operator first, and the
-- migration says which ones instead of failing on the constraint.
DO $$
DECLARE
    clashes text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint
                   WHERE conrelid = 'reservations'::regclass AND conname = 'reservations_no_overlap') THEN
        SELECT string_agg(a.id || ' & ' || b.id, ', ') INTO clashes
          FROM (SELECT a.id AS aid, b.id AS bid FROM reservations a JOIN reservations b
                  ON a.tenant_id = b.tenant_id AND a.parking_spot_id = b.parking_spot_id
                 AND a.id < b.id AND a.start_time < b.end_time AND b.start_time < a.end_time
                 WHERE a.status IN ('PENDING', 'CONFIRMED') AND b.status IN ('PENDING', 'CONFIRMED')
                 LIMIT 20) pairs
          JOIN reservations a ON a.id = pairs.aid JOIN reservations b ON b.id = pairs.bid;
        IF clashes IS NOT NULL THEN
            RAISE EXCEPTION 'reservations holds double bookings (active reservations of one spot that overlap): %', clashes
                USING HINT = 'Cancel one reservation of each pair (cancelReservation), then migrate again.';
        END IF;
        ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap
            EXCLUDE USING gist (tenant_id WITH =, parking_spot_id WITH =,
                                tstzrange(start_time, end_time, '[)') WITH &&)
            WHERE (status IN ('PENDING', 'CONFIRMED'));
    END IF;
END
$$;

CREATE INDEX IF NOT EXISTS reservations_tenant_user_start_idx ON reservations (tenant_id, user_id, start_time);
CREATE INDEX IF NOT EXISTS reservations_tenant_created_idx ON reservations (tenant_id, created_at);
CREATE INDEX IF NOT EXISTS reservations_tenant_status_idx ON reservations (tenant_id, status);
