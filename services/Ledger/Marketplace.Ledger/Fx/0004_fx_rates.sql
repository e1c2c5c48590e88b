-- Exchange rates as units of each currency per US dollar: seeded from the shipped reference file on the first
-- start, replaced by operators through /internal/ledger/fx-rates.
CREATE TABLE fx_rates (
    currency     text          PRIMARY KEY,
    units_per_usd numeric(24, 10) NOT NULL CHECK (units_per_usd > 0),
    updated      timestamptz   NOT NULL DEFAULT now()
);
