-- The refund that caused a reversal (ReverseTransfer from Payments); null for reversals made through the API.
ALTER TABLE transfer_reversals ADD COLUMN source_refund text;
