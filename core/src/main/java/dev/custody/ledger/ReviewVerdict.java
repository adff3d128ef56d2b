package dev.custody.ledger;

/** The outcome of a review. Written into an event's details by name, so a constant is never renamed. */
public enum ReviewVerdict {
    ACCEPTED,
    REJECTED
}
