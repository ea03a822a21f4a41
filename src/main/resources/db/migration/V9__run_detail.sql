-- Where a run came from (console, command line, serve), the org it ran against (for links to its records), and
-- which records it pushed, imported and failed on.
-- A run keeps at most a fixed number of rows of each list (SyncRunRepository.DETAIL_CAP, ADR 0041); its counts
-- say how many there were in all.
ALTER TABLE sync_runs ADD COLUMN IF NOT EXISTS origin VARCHAR(16);
ALTER TABLE sync_runs ADD COLUMN IF NOT EXISTS failed INT DEFAULT 0 NOT NULL;
ALTER TABLE sync_runs ADD COLUMN IF NOT EXISTS instance_url VARCHAR(400);

CREATE TABLE IF NOT EXISTS sync_run_records (
    run_id       BIGINT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
    outcome      VARCHAR(16) NOT NULL,
    line_no      INT NOT NULL,
    object_type  VARCHAR(16),
    record_id    CHAR(18),
    email        VARCHAR(254),
    status_code  VARCHAR(100),
    message      VARCHAR(1000),
    PRIMARY KEY (run_id, outcome, line_no)
);
