package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.contributor.Contributor;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.ledger.Actor;
import dev.custody.store.MetadataStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Closes the account of a contributor whose pseudonym was erased (by a security officer, by
 * retention or by their own withdrawal). The account's link to its pseudonym is sealed, so the
 * erasure itself cannot find the account without opening every contributor's link; instead the
 * account is disabled, and every token it holds revoked, the first time it is used after the
 * erasure: at a token's next request or at the next sign-in. Both are refused with {@code ERASED}
 * and the date, which only someone holding the account's token or password ever sees.
 */
final class ErasedContributors {
    private final MetadataStore metadata;

    ErasedContributors(MetadataStore metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** When the contributor was erased; empty while they are not. */
    Optional<Instant> erasedAt(Pseudonym contributor) {
        return metadata.inReadTransaction(r -> r.contributors().find(contributor))
                .flatMap(Contributor::erasedAt);
    }

    /** Disables the account (once), revokes its tokens and returns the refusal to throw. */
    CustodyException close(AccountId account, Pseudonym contributor, Instant erasedAt, Instant now) {
        metadata.inTransaction(repositories -> {
            Account current = repositories.accounts().find(account).orElseThrow();
            if (!current.disabled()) {
                repositories.accounts().update(current.withDisabled(true));
                repositories.accessTokens().revokeAll(account.value(), now);
                repositories
                        .ledger()
                        .append(
                                // Named by pseudonym, as every entry about a contributor is.
                                new AccountChanged(contributor.value(), AccountChange.DISABLED),
                                Actor.system(),
                                "erasure",
                                Principal.newRequestId(),
                                now);
            }
            return null;
        });
        return refusal(erasedAt);
    }

    static CustodyException refusal(Instant erasedAt) {
        return new CustodyException(
                ErrorCode.ERASED,
                "your account was erased on "
                        + LocalDate.ofInstant(erasedAt, ZoneOffset.UTC)
                        + ": your recordings and identity are gone and it can no longer sign in");
    }
}
