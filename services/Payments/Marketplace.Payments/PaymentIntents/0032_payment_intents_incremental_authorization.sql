-- payment_method_options[card][request_incremental_authorization] of the intent's create or confirm: if_available lets
-- a manually captured card payment raise its authorisation (POST /v1/payment_intents/{id}/increment_authorization).
ALTER TABLE payment_intents ADD COLUMN request_incremental_authorization text NULL;
