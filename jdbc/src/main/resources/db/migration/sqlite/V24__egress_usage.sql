-- What left, per scope (principal:ID, organization:ID, grant:ID) and per hour, so that every node
-- charges the same counts before any byte is sent.
CREATE TABLE egress_usage (
    scope      TEXT   NOT NULL,
    hour_start BIGINT NOT NULL,
    bytes      BIGINT NOT NULL,
    clips      BIGINT NOT NULL,
    PRIMARY KEY (scope, hour_start)
);
