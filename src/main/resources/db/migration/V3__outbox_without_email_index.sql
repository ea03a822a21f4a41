-- Every imported row paid for this index; it only served resubscribes, which can scan the outbox instead.
DROP INDEX outbox_by_email
