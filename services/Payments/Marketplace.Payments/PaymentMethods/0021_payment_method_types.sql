-- iDEAL, Bancontact and PayPal methods: their hashes show no secret and nothing is sealed for them, so they have no
-- vault entry. set_up_for_off_session: a setup intent (usage off_session) succeeded with the method, so that a later
-- off-session payment with it need not be authenticated again.
ALTER TABLE payment_methods
    ADD COLUMN ideal                  jsonb   NULL,
    ADD COLUMN bancontact             jsonb   NULL,
    ADD COLUMN paypal                 jsonb   NULL,
    ADD COLUMN set_up_for_off_session boolean NOT NULL DEFAULT false,
    ALTER COLUMN vault_entry_id DROP NOT NULL;
