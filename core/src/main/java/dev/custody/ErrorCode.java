package dev.custody;

/**
 * The stable error codes that Custody reports. Each maps to one HTTP status (in the server's error
 * mapper) and one CLI exit status (in the CLI's), so clients can act on the code alone.
 */
public enum ErrorCode {
    INVALID_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    /**
     * A request authenticated by a browser's session cookie that would change something, without
     * the session's CSRF token or from another origin: refused, and the refusal logged.
     */
    CSRF_REJECTED,
    /** Too many failed attempts from one client: retry after the time the error carries. */
    RATE_LIMITED,
    NOT_FOUND,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    CONSENT_REQUIRED,
    /** The contributor was erased: their key is gone and no clip of theirs can be read again. */
    ERASED,
    /** Ciphertext, a signature or a stored record failed verification. Carries no further detail. */
    INTEGRITY_FAILURE,
    KEY_PROVIDER_UNAVAILABLE,
    WRONG_PASSPHRASE,
    KEYRING_MISSING,
    STORAGE_UNAVAILABLE,
    DATA_FOLDER_LOCKED,
    LEDGER_UNAVAILABLE,
    BUDGET_EXCEEDED,
    AUDIO_MALFORMED,
    AUDIO_UNSUPPORTED_FORMAT,
    AUDIO_SAMPLE_RATE_OUT_OF_RANGE,
    AUDIO_TOO_SHORT,
    AUDIO_TOO_LONG,
    AUDIO_TOO_QUIET,
    AUDIO_CLIPPED,
    AUDIO_SILENT,
    AUDIO_NOISY,
    INTERNAL,
    /** An upload's Idempotency-Key was used before, within 24 hours, for another upload (other bytes or target). */
    IDEMPOTENCY_KEY_REUSED,
    /** An upload's audio is byte for byte that of a live clip of the same contributor, named in the message. */
    DUPLICATE_AUDIO,
    /** An open named a purpose outside the controlled vocabulary (platform and data-use purposes). */
    PURPOSE_UNKNOWN,
    /** The purpose is not one the clip's consent allows, the caller's role uses, or the grant names. */
    PURPOSE_NOT_CONSENTED,
    /** The grant is expired, suspended or revoked: nothing is delivered under it. */
    GRANT_INACTIVE
}
