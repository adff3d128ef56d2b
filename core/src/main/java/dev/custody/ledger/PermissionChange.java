package dev.custody.ledger;

/** Whether a permission was granted or revoked. Written into an event's details by name, so a constant is never renamed. */
public enum PermissionChange {
    GRANTED,
    REVOKED,
    /** A request was refused by the authorization table; the scope names the route. */
    DENIED
}
