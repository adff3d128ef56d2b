package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.keys.Argon2Parameters;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

/**
 * A stored password: Argon2id (RFC 9106, version 0x13) in the PHC string format, so the cost
 * parameters travel with the hash and can be raised without invalidating older hashes: {@code
 * $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, salt (16 bytes) and hash (32 bytes) in
 * unpadded standard base64. The constructor throws {@code INTEGRITY_FAILURE} for any other text
 * (a stored hash that does not parse was not written by Custody), including parameters outside the
 * bounds of {@link Argon2Parameters}, so a tampered row cannot make a sign-in allocate gigabytes.
 */
public record PasswordHash(String encoded) {
    private static final Pattern PHC =
            Pattern.compile("\\$argon2id\\$v=19\\$m=([0-9]{1,7}),t=([0-9]{1,2}),p=([0-9]{1,2})"
                    + "\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        requireNonNull(encoded, "encoded is null");
        parse(encoded);
    }

    /** Hashes {@code password} with a fresh salt under {@code parameters}. */
    static PasswordHash of(String password, byte[] salt, Argon2Parameters parameters) {
        byte[] hash = derive(password, salt, parameters);
        return new PasswordHash("$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash));
    }

    /**
     * A hash that no password matches: a random salt and a random 32-byte "hash", which no password
     * derives but by a 2^-256 chance. What a deleted account keeps in place of its password's hash.
     */
    public static PasswordHash unusable() {
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        var parameters = AccountService.PASSWORD_HASHING;
        return new PasswordHash("$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash));
    }

    /** Whether {@code password} is the one hashed here; compares in constant time. */
    public boolean matches(String password) {
        requireNonNull(password, "password is null");
        Matcher m = parse(encoded);
        var parameters = parameters(m);
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        return MessageDigest.isEqual(
                expected, derive(password, Base64.getDecoder().decode(m.group(4)), parameters));
    }

    /** The cost this hash was made with. */
    public Argon2Parameters parameters() {
        return parameters(parse(encoded));
    }

    private static Argon2Parameters parameters(Matcher m) {
        try {
            return new Argon2Parameters(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (CustodyException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    private static Matcher parse(String encoded) {
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            throw CustodyException.integrityFailure();
        }
        parameters(m);
        return m;
    }

    private static byte[] derive(String password, byte[] salt, Argon2Parameters parameters) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), hash);
        return hash;
    }

    @Override
    public String toString() {
        // Not secret, but an offline-crackable verifier: never printed whole.
        return "PasswordHash[argon2id]";
    }
}
