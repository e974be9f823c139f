-- Where each consumer of the feed (the RabbitMQ relay, a following dump) has got to.
CREATE TABLE IF NOT EXISTS feed_checkpoints (
    consumer       varchar(200) PRIMARY KEY,
    transaction_id xid8         NOT NULL,
    position       bigint       NOT NULL,
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE ON feed_checkpoints TO reservation_system;
