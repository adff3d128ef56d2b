package dev.custody.server;

import dev.custody.ErrorCode;

/** The one place where an error code becomes an HTTP status. */
final class ErrorStatus {
    private ErrorStatus() {}

    static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT,
                    AUDIO_MALFORMED,
                    AUDIO_SAMPLE_RATE_OUT_OF_RANGE,
                    AUDIO_TOO_SHORT,
                    AUDIO_TOO_LONG,
                    AUDIO_TOO_QUIET,
                    AUDIO_CLIPPED,
                    AUDIO_SILENT,
                    AUDIO_NOISY,
                    PURPOSE_UNKNOWN -> 422;
            case AUDIO_UNSUPPORTED_FORMAT -> 415;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN, CSRF_REJECTED, PURPOSE_NOT_CONSENTED, GRANT_INACTIVE -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, CONSENT_REQUIRED, IDEMPOTENCY_KEY_REUSED, DUPLICATE_AUDIO -> 409;
            case ERASED -> 410;
            case PAYLOAD_TOO_LARGE -> 413;
            case BUDGET_EXCEEDED, RATE_LIMITED -> 429;
            case INTEGRITY_FAILURE, INTERNAL -> 500;
            case KEY_PROVIDER_UNAVAILABLE,
                    STORAGE_UNAVAILABLE,
                    LEDGER_UNAVAILABLE,
                    WRONG_PASSPHRASE,
                    KEYRING_MISSING,
                    DATA_FOLDER_LOCKED -> 503;
        };
    }
}
