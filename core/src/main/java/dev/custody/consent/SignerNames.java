package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.IdentitySeal;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.WrappedKey;

/**
 * Seals the full name a contributor types to sign a consent, as identity data: {@code
 * provider.wrap(activeKek(IDENTITY), utf8(name), "custody/consent-signer/v1|" + consentId + "|" +
 * pseudonym)}. A sealed name opens only for the consent and the person it was sealed for ({@code
 * INTEGRITY_FAILURE} otherwise), and lives as long as the contributor's identity: erasure deletes it.
 * {@link #rewrap} moves it to the active IDENTITY KEK version, for key rotation. Thread-safe.
 */
public final class SignerNames {
    private final IdentitySeal seal;

    public SignerNames(KeyProvider provider) {
        this.seal = new IdentitySeal(provider);
    }

    public WrappedKey seal(ConsentId consent, Pseudonym signer, String typedName) {
        return seal.sealText(typedName, associatedData(consent, signer));
    }

    public String open(ConsentId consent, Pseudonym signer, WrappedKey sealed) {
        return seal.openText(sealed, associatedData(consent, signer));
    }

    /** The same name, sealed under the active IDENTITY KEK version for the same consent and signer. */
    public WrappedKey rewrap(ConsentId consent, Pseudonym signer, WrappedKey sealed) {
        return seal.rewrap(sealed, associatedData(consent, signer));
    }

    private static String associatedData(ConsentId consent, Pseudonym signer) {
        requireNonNull(consent, "consent is null");
        requireNonNull(signer, "signer is null");
        return "custody/consent-signer/v1|" + consent.value() + "|" + signer.value();
    }
}
