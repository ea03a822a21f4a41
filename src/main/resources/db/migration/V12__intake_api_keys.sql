-- The keys callers of the intake's POST /api/unsubscribes present (ADR 0061). Only a SHA-256 of each key's secret
-- is kept; key_id, the public part of a key, finds its row without scanning. A revoked key stays, for its history.
CREATE TABLE IF NOT EXISTS intake_api_keys (
    name           VARCHAR(40) PRIMARY KEY,
    key_id         CHAR(16)    NOT NULL UNIQUE,
    secret_sha256  CHAR(64)    NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    last_used_at   TIMESTAMP WITH TIME ZONE,
    uses           BIGINT DEFAULT 0 NOT NULL
);
