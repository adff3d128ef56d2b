package dev.custody;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The one unchecked exception that Custody's ports and services throw for anything a caller can
 * act on. The message is safe to show to the caller: it never holds a secret, a token, a
 * passphrase, audio, or (for integrity failures) any detail an attacker could use.
 */
public final class CustodyException extends RuntimeException {
    private final ErrorCode code;
    // Duration.ZERO for none: only RATE_LIMITED says when to come back.
    private final Duration retryAfter;

    public CustodyException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
        this.retryAfter = Duration.ZERO;
    }

    public CustodyException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.retryAfter = Duration.ZERO;
    }

    private CustodyException(String message, Duration retryAfter) {
        super(message);
        this.code = ErrorCode.RATE_LIMITED;
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    /** How long the caller should wait before trying again, for {@code RATE_LIMITED}. */
    public Optional<Duration> retryAfter() {
        return retryAfter.isZero() ? Optional.empty() : Optional.of(retryAfter);
    }

    /** {@code RATE_LIMITED}: refused until {@code retryAfter} (positive) has passed. */
    public static CustodyException rateLimited(String message, Duration retryAfter) {
        requireNonNull(message, "message is null");
        requireNonNull(retryAfter, "retryAfter is null");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
        return new CustodyException(message, retryAfter);
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
