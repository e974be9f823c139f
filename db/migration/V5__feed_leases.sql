-- Which instance may consume the feed under a consumer name (the RabbitMQ relay): one row per
-- consumer. A holder keeps the lease by renewing it before expires_at; another instance takes an
-- expired lease with epoch + 1. A checkpoint is written only together with the lease row of the
-- writer's epoch (locked in the same transaction), so a holder that lost its lease cannot move it.
CREATE TABLE IF NOT EXISTS feed_leases (
    consumer   varchar(200) PRIMARY KEY,
    holder     varchar(200) NOT NULL,
    epoch      bigint       NOT NULL,
    expires_at timestamptz  NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON feed_leases TO reservation_system;
