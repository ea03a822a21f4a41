-- A team's one Salesforce connection (ADR 0065): what 'connect' saved, sealed with AES-256-GCM under the team key,
-- which every node reads from its own file or environment and which is never written here. One row at most.
CREATE TABLE IF NOT EXISTS team_connection (
    id        INT PRIMARY KEY CHECK (id = 1),
    sealed    VARCHAR(20000) NOT NULL,
    saved_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
