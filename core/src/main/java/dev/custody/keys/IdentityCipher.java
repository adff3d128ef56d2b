package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Seals a contributor's identity field by field under the active IDENTITY KEK. Each field is
 * {@code provider.wrap(kek, utf8(value), "custody/identity/v1|" + pseudonym + "|" + field)}, field
 * being {@code name} or {@code email}: a sealed field opens only for the person and the column it
 * was sealed for. {@link #open} fails {@code INTEGRITY_FAILURE} otherwise, or if anything was
 * changed. Thread-safe.
 */
public final class IdentityCipher {
    private final KeyProvider provider;

    public IdentityCipher(KeyProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    public SealedIdentity seal(Pseudonym who, Identity identity) {
        requireNonNull(who, "who is null");
        requireNonNull(identity, "identity is null");
        KekId kek = provider.activeKek(KeyPurpose.IDENTITY);
        return new SealedIdentity(
                kek, seal(kek, who, "name", identity.name()), seal(kek, who, "email", identity.email()));
    }

    public Identity open(Pseudonym who, SealedIdentity sealed) {
        requireNonNull(who, "who is null");
        requireNonNull(sealed, "sealed is null");
        String name = open(sealed.kek(), who, "name", sealed.name());
        String email = open(sealed.kek(), who, "email", sealed.email());
        try {
            return new Identity(name, email);
        } catch (CustodyException e) {
            // Authenticated yet invalid: not something this class sealed.
            throw CustodyException.integrityFailure(e);
        }
    }

    /**
     * The same fields re-encrypted under the active IDENTITY KEK, each with its own associated data
     * unchanged. Fails {@code INTEGRITY_FAILURE} as {@link #open} does.
     */
    public SealedIdentity rewrap(Pseudonym who, SealedIdentity sealed) {
        requireNonNull(who, "who is null");
        requireNonNull(sealed, "sealed is null");
        KekId active = provider.activeKek(KeyPurpose.IDENTITY);
        return new SealedIdentity(
                active,
                rewrap(sealed.kek(), active, who, "name", sealed.name()),
                rewrap(sealed.kek(), active, who, "email", sealed.email()));
    }

    private Bytes rewrap(KekId from, KekId to, Pseudonym who, String field, Bytes sealed) {
        byte[] aad = associatedData(who, field);
        byte[] plain = provider.unwrap(from, sealed.toArray(), aad);
        try {
            return Bytes.copyOf(provider.wrap(to, plain, aad));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private Bytes seal(KekId kek, Pseudonym who, String field, String value) {
        return Bytes.copyOf(provider.wrap(kek, value.getBytes(StandardCharsets.UTF_8), associatedData(who, field)));
    }

    private String open(KekId kek, Pseudonym who, String field, Bytes sealed) {
        byte[] plain = provider.unwrap(kek, sealed.toArray(), associatedData(who, field));
        try {
            return IdentitySeal.strictUtf8(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] associatedData(Pseudonym who, String field) {
        return ("custody/identity/v1|" + who.value() + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
