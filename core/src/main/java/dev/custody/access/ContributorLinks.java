package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.IdentitySeal;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.WrappedKey;

/**
 * Seals and opens the link from a contributor's account to their pseudonym: {@code
 * provider.wrap(activeKek(IDENTITY), utf8(pseudonym), "custody/contributor-link/v1|" + accountId)}.
 * The accounts table holds usernames in plain; with the link sealed, a copy of the database does not
 * tell whose recordings are whose. A link opens only for the account it was sealed for; opening
 * fails {@code INTEGRITY_FAILURE} otherwise. {@link #rewrap} moves a link to the active IDENTITY KEK
 * version, for key rotation. Thread-safe.
 */
public final class ContributorLinks {
    private final IdentitySeal seal;

    public ContributorLinks(KeyProvider provider) {
        this.seal = new IdentitySeal(provider);
    }

    public WrappedKey seal(AccountId account, Pseudonym contributor) {
        requireNonNull(contributor, "contributor is null");
        return seal.sealText(contributor.value(), associatedData(account));
    }

    public Pseudonym open(AccountId account, WrappedKey link) {
        String pseudonym = seal.openText(link, associatedData(account));
        try {
            return new Pseudonym(pseudonym);
        } catch (RuntimeException e) {
            // Authenticated yet not a pseudonym: not something this class sealed.
            throw CustodyException.integrityFailure(e);
        }
    }

    /** The same link, sealed under the active IDENTITY KEK version for the same account. */
    public WrappedKey rewrap(AccountId account, WrappedKey link) {
        return seal.rewrap(link, associatedData(account));
    }

    private static String associatedData(AccountId account) {
        return "custody/contributor-link/v1|"
                + requireNonNull(account, "account is null").value();
    }
}
