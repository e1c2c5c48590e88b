-- invoice_settings.default_payment_method: a payment method attached to the customer (checked by the API, not by a
-- foreign key, because payment_methods are scoped by account and a detach clears it in the same transaction).
ALTER TABLE customers ADD COLUMN default_payment_method text NULL;
