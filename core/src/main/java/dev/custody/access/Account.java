package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.keys.WrappedKey;
import dev.custody.project.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's account: a username, one role, the organization of a client role, the password's
 * Argon2id hash, the TOTP secret wrapped under the IDENTITY KEK (never stored in plain), and the
 * sign-in throttle (failed attempts in a row, locked until). The constructor throws {@code
 * INVALID_INPUT} if the organization does not match the role or a count is negative.
 */
public record Account(
        AccountId id,
        Username username,
        Role role,
        Optional<OrganizationId> organization,
        PasswordHash password,
        Optional<WrappedKey> totpSecret,
        int failedAttempts,
        Optional<Instant> lockedUntil,
        long lastTotpStep,
        boolean disabled,
        Instant createdAt) {
    public Account {
        requireNonNull(id, "id is null");
        requireNonNull(username, "username is null");
        requireNonNull(role, "role is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(password, "password is null");
        requireNonNull(totpSecret, "totpSecret is null");
        requireNonNull(lockedUntil, "lockedUntil is null");
        requireNonNull(createdAt, "createdAt is null");
        if (role == Role.BOOTSTRAP_ADMIN) {
            throw CustodyException.invalidInput("the bootstrap administrator has no account");
        }
        if (role.inOrganization() != organization.isPresent()) {
            throw CustodyException.invalidInput(
                    role.inOrganization() ? "this role needs an organization" : "this role has no organization");
        }
        if (failedAttempts < 0 || lastTotpStep < -1) {
            throw CustodyException.invalidInput("counters must not be negative");
        }
    }

    /** A new, enabled account with no failed attempts. */
    public static Account create(
            AccountId id,
            Username username,
            Role role,
            Optional<OrganizationId> organization,
            PasswordHash password,
            Optional<WrappedKey> totpSecret,
            Instant createdAt) {
        return new Account(
                id, username, role, organization, password, totpSecret, 0, Optional.empty(), -1, false, createdAt);
    }

    /** Whether sign-in is refused at {@code now} because of earlier failures. */
    public boolean lockedAt(Instant now) {
        return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
    }

    public Account withFailures(int failures, Optional<Instant> until) {
        return new Account(
                id,
                username,
                role,
                organization,
                password,
                totpSecret,
                failures,
                until,
                lastTotpStep,
                disabled,
                createdAt);
    }

    /** After a successful sign-in: no failures, no lock, the TOTP step used (never accepted again). */
    public Account signedIn(long totpStep) {
        return new Account(
                id,
                username,
                role,
                organization,
                password,
                totpSecret,
                0,
                Optional.empty(),
                totpStep,
                disabled,
                createdAt);
    }

    public Account withDisabled(boolean nowDisabled) {
        return new Account(
                id,
                username,
                role,
                organization,
                password,
                totpSecret,
                failedAttempts,
                lockedUntil,
                lastTotpStep,
                nowDisabled,
                createdAt);
    }

    public Principal principal(String requestId) {
        return new Principal(id.value(), role, organization, requestId);
    }
}
