package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.KeyPurpose;
import dev.custody.keys.WrappedKey;
import java.nio.charset.StandardCharsets;

/**
 * Seals and opens the link from a contributor's account to their pseudonym: {@code
 * provider.wrap(activeKek(IDENTITY), utf8(pseudonym), "custody/contributor-link/v1|" + accountId)}.
 * The accounts table holds usernames in plain; with the link sealed, a copy of the database does not
 * tell whose recordings are whose. A link opens only for the account it was sealed for; opening
 * fails {@code INTEGRITY_FAILURE} otherwise. {@link #rewrap} moves a link to the active IDENTITY KEK
 * version, for key rotation. Thread-safe.
 */
public final class ContributorLinks {
    private final KeyProvider provider;

    public ContributorLinks(KeyProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    public WrappedKey seal(AccountId account, Pseudonym contributor) {
        requireNonNull(account, "account is null");
        requireNonNull(contributor, "contributor is null");
        var kek = provider.activeKek(KeyPurpose.IDENTITY);
        byte[] plain = contributor.value().getBytes(StandardCharsets.UTF_8);
        return new WrappedKey(kek, Bytes.copyOf(provider.wrap(kek, plain, associatedData(account))));
    }

    public Pseudonym open(AccountId account, WrappedKey link) {
        requireNonNull(account, "account is null");
        requireNonNull(link, "link is null");
        byte[] plain = provider.unwrap(link.kek(), link.ciphertext().toArray(), associatedData(account));
        try {
            return new Pseudonym(new String(plain, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // Authenticated yet not a pseudonym: not something this class sealed.
            throw CustodyException.integrityFailure(e);
        }
    }

    /** The same link, sealed under the active IDENTITY KEK version for the same account. */
    public WrappedKey rewrap(AccountId account, WrappedKey link) {
        return seal(account, open(account, link));
    }

    private static byte[] associatedData(AccountId account) {
        return ("custody/contributor-link/v1|" + account.value()).getBytes(StandardCharsets.UTF_8);
    }
}
