-- Stripe's radar.value_list and radar.value_list_item, one set per platform: a platform's connected accounts share
-- its lists, as they share its rules.
CREATE TABLE value_lists (
    -- Time-ordered base62 ids compared by byte ("C"), which is creation order for list pagination.
    id          text COLLATE "C" PRIMARY KEY,
    platform_id text        NOT NULL,
    alias       text        NOT NULL,
    name        text        NOT NULL,
    item_type   text        NOT NULL,
    created     timestamptz NOT NULL,
    created_by  text        NOT NULL,
    metadata    jsonb       NOT NULL DEFAULT '{}',
    -- The platform's default block lists, which built-in rules name: their items can change, the lists cannot.
    is_default  boolean     NOT NULL DEFAULT false,
    CONSTRAINT value_lists_alias UNIQUE (platform_id, alias)
);

CREATE TABLE value_list_items (
    id            text COLLATE "C" PRIMARY KEY,
    platform_id   text        NOT NULL,
    value_list_id text        NOT NULL REFERENCES value_lists (id) ON DELETE CASCADE,
    value         text        NOT NULL,
    created       timestamptz NOT NULL,
    created_by    text        NOT NULL,
    CONSTRAINT value_list_items_value UNIQUE (value_list_id, value)
);

CREATE INDEX value_list_items_by_list ON value_list_items (value_list_id, id);

-- Bumped in the transaction of every change to a platform's rules, lists or items: an assessment compares it with
-- the version of the rule set it has compiled, so every instance sees a change at its next payment.
CREATE TABLE rule_set_versions (
    platform_id text   PRIMARY KEY,
    version     bigint NOT NULL
);
