package dev.custody.grant;

/** Why a delivered clip must be deleted by its buyer. */
public enum RevocationReason {
    /** The contributor withdrew consent to the project. */
    CONSENT_WITHDRAWN,
    /** The clip was erased: by the contributor's erasure, a withdrawal's or its retention expiry. */
    ERASED,
    /** The grant it was delivered under was revoked. */
    GRANT_REVOKED
}
