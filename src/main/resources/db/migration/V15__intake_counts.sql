-- What each serve node's intake refused, by kind, and its failed commits, per day in the node's time zone: the
-- node keeps the counts in memory and writes its totals every few seconds, so a flood of refusals is not a flood of
-- writes. A node is one run of an intake, so a restart adds a row instead of overwriting the day's counts.
CREATE TABLE IF NOT EXISTS intake_counts (
    on_day   DATE NOT NULL,
    node_id  VARCHAR(64) NOT NULL,
    kind     VARCHAR(32) NOT NULL,
    total    BIGINT NOT NULL,
    PRIMARY KEY (on_day, node_id, kind)
);
