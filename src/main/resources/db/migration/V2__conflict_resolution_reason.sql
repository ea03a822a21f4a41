-- Why an admin resolved a conflict the way they did.
ALTER TABLE conflicts ADD COLUMN resolution_reason VARCHAR(1000)
