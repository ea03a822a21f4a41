-- What the store knew of a conflict's person and record when an admin resolved it: a dismissal holds until
-- something newer happens to them (ADR 0028).
ALTER TABLE conflicts ADD COLUMN IF NOT EXISTS seen_history_id BIGINT;
ALTER TABLE conflicts ADD COLUMN IF NOT EXISTS seen_modstamp TIMESTAMP WITH TIME ZONE;
-- Every raise looks for the last resolution of the same conflict.
CREATE INDEX IF NOT EXISTS conflicts_by_identity ON conflicts (kind, email, salesforce_id);
