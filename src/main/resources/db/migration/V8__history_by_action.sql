-- The Unsubscribes list shows resubscribed people: their latest resubscribe, found by action in email order.
CREATE INDEX IF NOT EXISTS history_by_action ON unsubscribe_history (action, email, id);
