-- Room for the action "UNCHECKED_IN_SALESFORCE".
ALTER TABLE unsubscribe_history ALTER COLUMN action SET DATA TYPE VARCHAR(40)
