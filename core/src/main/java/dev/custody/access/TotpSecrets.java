package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.KeyPurpose;
import dev.custody.keys.WrappedKey;
import java.nio.charset.StandardCharsets;
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

    private final KeyProvider provider;

    public TotpSecrets(KeyProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    static byte[] generate() {
        byte[] secret = new byte[LENGTH];
        RANDOM.nextBytes(secret);
        return secret;
    }

    WrappedKey seal(AccountId account, byte[] secret) {
        var kek = provider.activeKek(KeyPurpose.IDENTITY);
        return new WrappedKey(kek, Bytes.copyOf(provider.wrap(kek, secret, associatedData(account))));
    }

    /** The same secret, sealed under the active IDENTITY KEK version for the same account. */
    public WrappedKey rewrap(AccountId account, WrappedKey sealed) {
        byte[] secret = open(account, sealed);
        try {
            return seal(account, secret);
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }

    byte[] open(AccountId account, WrappedKey sealed) {
        return provider.unwrap(sealed.kek(), sealed.ciphertext().toArray(), associatedData(account));
    }

    private static byte[] associatedData(AccountId account) {
        return ("custody/totp/v1|" + account.value()).getBytes(StandardCharsets.UTF_8);
    }
}
