package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B): 12 to 256 characters, not one of the common
 * passwords shipped with Custody, and not containing the username. No composition rules: they push
 * people to predictable patterns. The upper bound keeps one sign-in's hashing cost bounded.
 * {@link #check} throws {@code INVALID_INPUT} naming the rule broken, never echoing the password.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final String COMMON = "common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The policy with the list shipped as a resource beside this class. */
    public static PasswordPolicy standard() {
        return Holder.STANDARD;
    }

    public void check(Username username, String password) {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw CustodyException.invalidInput(
                    "a password is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            throw CustodyException.invalidInput("this password is too common");
        }
        if (folded.contains(username.value())) {
            throw CustodyException.invalidInput("a password must not contain the username");
        }
    }

    /** Whether the shipped list holds {@code password} (case-insensitively). */
    boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list is missing from the build");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    /** Loaded on first use, once. */
    private static final class Holder {
        static final PasswordPolicy STANDARD = new PasswordPolicy(load());
    }
}
