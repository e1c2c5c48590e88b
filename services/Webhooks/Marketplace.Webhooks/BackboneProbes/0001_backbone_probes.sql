-- Probes received from other services' outboxes (see Marketplace.Contracts.Diagnostics.BackboneProbeSent).
CREATE TABLE backbone_probes (
    probe_id    uuid        PRIMARY KEY,
    origin      text        NOT NULL,
    sent_at     timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
