-- Resubscribes are few: finding them by action in row order is enough for the list, and an index in email order
-- cost every unsubscribe a write at a random place (ADR 0082).
DROP INDEX IF EXISTS history_by_action;
CREATE INDEX IF NOT EXISTS history_by_action_in_id_order ON unsubscribe_history (action, id);
