-- A refund the payment service refused for good (REFUND_REFUSED: an answer another try cannot
-- change) waits for an operator: refused_at is set, and the refund worker no longer takes it until
-- a REFUND_FAILED (an operator's retry) clears it or REFUND_COMPLETED removes the row.
ALTER TABLE pending_refunds ADD COLUMN IF NOT EXISTS refused_at timestamptz;
