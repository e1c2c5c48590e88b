-- amount_in_eur is money: exact to the cent, as every other amount, not a binary float.
ALTER TABLE assessments ALTER COLUMN amount_in_eur TYPE numeric(20, 2);
