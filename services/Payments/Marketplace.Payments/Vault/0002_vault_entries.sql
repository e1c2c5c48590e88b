-- Full card numbers and IBANs, sealed (CardVault.cs): each under its own data key, the data key under the master key
-- from Payments:VaultKey. No column here or elsewhere holds one in clear; CVCs are never stored at all.
CREATE TABLE vault_entries (
    id              text COLLATE "C" PRIMARY KEY,
    sealed_data_key bytea       NOT NULL,
    sealed_number   bytea       NOT NULL,
    created         timestamptz NOT NULL DEFAULT now()
);
