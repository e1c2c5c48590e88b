-- The connected account a charge was made on behalf of: its refunds settle in that account's currency too.
ALTER TABLE charges ADD COLUMN on_behalf_of text;
