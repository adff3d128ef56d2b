package dev.custody.ledger;

/** What changed about an account. Written into an event's details by name, so a constant is never renamed. */
public enum AccountChange {
    CREATED,
    UPDATED,
    DISABLED,
    ENABLED,
    DELETED,
    CREDENTIALS_RESET,
    /** Sign-in refused for a while after repeated failures. */
    LOCKED_OUT
}
