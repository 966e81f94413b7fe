-- The webhooks module's schema: sellers' endpoints, the deliveries owed to them, and each attempt.
COMMENT ON SCHEMA webhooks IS 'Webhooks: signed notifications of order events to sellers'' endpoints';
