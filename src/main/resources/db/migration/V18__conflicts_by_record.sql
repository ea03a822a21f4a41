-- A pulled row whose only change is its SystemModstamp is written only when a dismissal names its record (the
-- dismissal compares that modstamp); this index answers "does one?" per row without reading every conflict (ADR 0088).
CREATE INDEX IF NOT EXISTS conflicts_by_record ON conflicts (salesforce_id);
