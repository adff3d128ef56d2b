package dev.custody;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked exception that Custody's ports and services throw for anything a caller can
 * act on. The message is safe to show to the caller: it never holds a secret, a token, a
 * passphrase, audio, or (for integrity failures) any detail an attacker could use.
 */
public final class CustodyException extends RuntimeException {
    private final ErrorCode code;

    public CustodyException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public CustodyException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    /** The uniform failure for tampered ciphertext, signatures and records. */
    public static CustodyException integrityFailure(Throwable cause) {
        return new CustodyException(ErrorCode.INTEGRITY_FAILURE, "integrity check failed", cause);
    }

    public static CustodyException integrityFailure() {
        return new CustodyException(ErrorCode.INTEGRITY_FAILURE, "integrity check failed");
    }

    public static CustodyException invalidInput(String message) {
        return new CustodyException(ErrorCode.INVALID_INPUT, message);
    }

    public static CustodyException notFound(String message) {
        return new CustodyException(ErrorCode.NOT_FOUND, message);
    }
}
