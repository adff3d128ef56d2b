package dev.custody.access;

import dev.custody.keys.IdentitySeal;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.WrappedKey;
import java.security.SecureRandom;

/**
 * Makes, seals and opens TOTP secrets. A secret is 20 random bytes (the HMAC-SHA-1 block the RFC
 * recommends), sealed as {@code provider.wrap(activeKek(IDENTITY), secret, "custody/totp/v1|" +
 * accountId)}: it opens only for the account it was made for, and a copy of the database alone holds
 * no secret that would let anyone mint codes. {@link #rewrap} moves a sealed secret to the active
 * IDENTITY KEK version, for key rotation. Opening fails {@code INTEGRITY_FAILURE} for a secret
 * sealed for another account or altered.
 */
public final class TotpSecrets {
    static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentitySeal seal;

    public TotpSecrets(KeyProvider provider) {
        this.seal = new IdentitySeal(provider);
    }

    static byte[] generate() {
        byte[] secret = new byte[LENGTH];
        RANDOM.nextBytes(secret);
        return secret;
    }

    WrappedKey seal(AccountId account, byte[] secret) {
        return seal.seal(secret, associatedData(account));
    }

    /** The same secret, sealed under the active IDENTITY KEK version for the same account. */
    public WrappedKey rewrap(AccountId account, WrappedKey sealed) {
        return seal.rewrap(sealed, associatedData(account));
    }

    byte[] open(AccountId account, WrappedKey sealed) {
        return seal.open(sealed, associatedData(account));
    }

    private static String associatedData(AccountId account) {
        return "custody/totp/v1|" + account.value();
    }
}
