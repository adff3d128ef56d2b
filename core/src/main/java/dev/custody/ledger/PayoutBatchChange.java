package dev.custody.ledger;

/** What happened to a payout batch. Written into an event's details by name, so a constant is never renamed. */
public enum PayoutBatchChange {
    /** Every pending credit not yet in a batch was gathered into it. */
    CREATED,
    /** Its payout file was handed to an operator. */
    EXPORTED,
    /** It was marked paid: its credits are paid. */
    PAID
}
