package dev.custody.ledger;

/** What happened to a data-use grant. */
public enum GrantChange {
    CREATED,
    SUSPENDED,
    REVOKED
}
