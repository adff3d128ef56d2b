package dev.custody.ledger;

/** Why a principal was suspended. Written into an event's details by name, so a constant is never renamed. */
public enum SuspensionCause {
    BUDGET_EXCEEDED,
    RATE_ANOMALY,
    CANARY_TOUCHED,
    SECURITY_OFFICER_ORDER,
    /** A client address refused sign-in for a while after many failures, across any accounts. */
    SIGN_IN_FAILURES,
    /** A client address refused sign-up for a while after creating many accounts. */
    SIGN_UPS
}
