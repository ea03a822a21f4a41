-- Several serve nodes on one store: a node claims the entries it is about to push, for a short lease, so that no
-- two push the same entry at once; a node that dies mid-push stops holding its claims once the lease lapses
-- (ADR 0060). Only the claim's holder may settle or retry an entry.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS claimed_by VARCHAR(200);
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS claimed_until TIMESTAMP WITH TIME ZONE;
