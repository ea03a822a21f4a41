-- Each new holder of a run lock gets the next fencing number; a run's final writes check in their own transaction
-- that the lock is still theirs with that number, so a run that paused past its lease cannot write once another
-- run took over (ADR 0060). The row now stays when its holder lets go, so the number never goes back.
ALTER TABLE run_lock ADD COLUMN IF NOT EXISTS fence BIGINT DEFAULT 0 NOT NULL;
