package dev.custody.cli;

import dev.custody.ErrorCode;

/** The one place where an error code becomes a process exit status. 1 and 2 are picocli's. */
final class ExitCodes {
    private ExitCodes() {}

    static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT, PAYLOAD_TOO_LARGE, PURPOSE_UNKNOWN -> 3;
            case AUDIO_MALFORMED,
                    AUDIO_UNSUPPORTED_FORMAT,
                    AUDIO_SAMPLE_RATE_OUT_OF_RANGE,
                    AUDIO_TOO_SHORT,
                    AUDIO_TOO_LONG,
                    AUDIO_TOO_QUIET,
                    AUDIO_CLIPPED,
                    AUDIO_SILENT,
                    AUDIO_NOISY -> 4;
            case UNAUTHENTICATED, FORBIDDEN, CSRF_REJECTED, PURPOSE_NOT_CONSENTED, GRANT_INACTIVE -> 5;
            case NOT_FOUND -> 6;
            case CONFLICT, CONSENT_REQUIRED, ERASED, IDEMPOTENCY_KEY_REUSED, DUPLICATE_AUDIO -> 7;
            case WRONG_PASSPHRASE, KEYRING_MISSING -> 8;
            case DATA_FOLDER_LOCKED -> 9;
            case INTEGRITY_FAILURE -> 10;
            case KEY_PROVIDER_UNAVAILABLE, STORAGE_UNAVAILABLE, LEDGER_UNAVAILABLE -> 11;
            case BUDGET_EXCEEDED, RATE_LIMITED -> 12;
            case INTERNAL -> 70;
        };
    }
}
