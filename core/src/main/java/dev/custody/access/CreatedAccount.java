package dev.custody.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A new account and, for a role that signs in with TOTP, the {@code otpauth://} enrolment URI
 * holding the secret: shown once, to be scanned into an authenticator app, never retrievable again.
 */
public record CreatedAccount(Account account, Optional<String> totpEnrolment) {
    public CreatedAccount {
        requireNonNull(account, "account is null");
        requireNonNull(totpEnrolment, "totpEnrolment is null");
    }

    @Override
    public String toString() {
        return "CreatedAccount[" + account.id() + "]";
    }
}
