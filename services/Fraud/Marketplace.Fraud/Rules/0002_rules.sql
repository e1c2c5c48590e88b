-- A platform's own Radar rules (radar.rule, our extension of Stripe's API). The built-in rules every platform has
-- live in code (BuiltInRules.cs), not here.
CREATE TABLE rules (
    id                text COLLATE "C" PRIMARY KEY,
    platform_id       text        NOT NULL,
    action            text        NOT NULL,
    -- As the platform wrote it, after "<action> if"; parsed again (and compiled) when the rule set is loaded.
    predicate         text        NOT NULL,
    description       text        NULL,
    enabled           boolean     NOT NULL,
    created           timestamptz NOT NULL,
    -- The value lists the predicate names, so that a list still in use cannot be deleted.
    value_list_aliases text[]     NOT NULL,
    -- Deleted rules stay, so that the assessments they decided keep naming them; the API no longer shows them.
    deleted_at        timestamptz NULL
);

CREATE INDEX rules_by_platform ON rules (platform_id, id) WHERE deleted_at IS NULL;
