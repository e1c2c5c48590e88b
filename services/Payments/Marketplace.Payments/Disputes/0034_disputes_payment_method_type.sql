-- A bank debit's dispute (SEPA) differs from a card's: final when opened, no evidence window, no card details.
ALTER TABLE disputes ADD COLUMN payment_method_type text NOT NULL DEFAULT 'card';
