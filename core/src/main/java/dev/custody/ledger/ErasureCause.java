package dev.custody.ledger;

/** Why a contributor was erased. Written into an event's details by name, so a constant is never renamed. */
public enum ErasureCause {
    CONSENT_WITHDRAWN,
    RETENTION_EXPIRED,
    SECURITY_OFFICER_ORDER,
    /** No activity of the contributor for 3 years, the longest biometric data may be kept (BIPA). */
    CONTRIBUTOR_INACTIVE
}
