package dev.custody.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Freshly initialized SoftHSM2 tokens for the PKCS#11 tests, one per {@link Name}, in a new token
 * folder for each test JVM.
 *
 * <p>SoftHSM2 reads its configuration file, named by the environment variable {@code
 * SOFTHSM2_CONF}, once per process, when the library is first initialized; tokens made after that
 * stay invisible to the process. Failsafe sets the variable (see testkit/pom.xml), so the first
 * call here writes that file, naming a new token folder, and initializes every token with {@code
 * softhsm2-util} before any test loads the library.
 */
final class Pkcs11TestTokens {
    /** The tokens; each test that changes a token's state has one of its own. */
    enum Name {
        CONTRACT,
        NAMING,
        PERSISTENCE,
        UNTOUCHED,
        RELOGIN,
        ROTATION,
        VANISHING
    }

    /** An initialized token: its label, the slot SoftHSM2 gave it, and the folder holding it. */
    record Token(String label, int slot, Path folder) {}

    static final String PIN = "4321-user-pin";
    static final String KEY_PREFIX = "custody";

    private static final String SO_PIN = "8765-so-pin";
    private static final List<Path> DEBIAN_LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private static Map<Name, Token> tokens;

    private Pkcs11TestTokens() {}

    static synchronized Token token(Name name) {
        if (tokens == null) {
            tokens = initializeAll();
        }
        return tokens.get(name);
    }

    static Pkcs11Config config(Token token) {
        return config(token, PIN);
    }

    static Pkcs11Config config(Token token, String pin) {
        return new Pkcs11Config(library(), token.slot(), SecretBytes.copyOf(pin.getBytes(UTF_8)), KEY_PREFIX);
    }

    /** SoftHSM2's library where Debian's package puts it. */
    static Path library() {
        return DEBIAN_LIBRARIES.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "SoftHSM2 is not installed (Debian package softhsm2; scripts/install-test-deps)"));
    }

    /** Runs a command to its end and returns what it printed; fails if it exits with an error. */
    static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command[0] + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<Name, Token> initializeAll() {
        String conf = Optional.ofNullable(System.getenv("SOFTHSM2_CONF"))
                .orElseThrow(() -> new IllegalStateException("SOFTHSM2_CONF is not set; run the PKCS#11 tests with"
                        + " Failsafe (./mvnw verify), which sets it"));
        try {
            Path confFile = Path.of(conf);
            Files.createDirectories(confFile.getParent());
            Path folder = Files.createTempDirectory(confFile.getParent(), "tokens-");
            Files.writeString(
                    confFile, "directories.tokendir = " + folder + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            Map<Name, Token> tokens = new EnumMap<>(Name.class);
            for (Name name : Name.values()) {
                tokens.put(
                        name, initialize(folder, "custody-test-" + name.name().toLowerCase(Locale.ROOT)));
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Token initialize(Path folder, String label) throws IOException {
        Set<Path> before = children(folder);
        String output =
                run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN);
        Matcher slot = SLOT.matcher(output);
        if (!slot.find()) {
            throw new IllegalStateException("softhsm2-util named no slot: " + output);
        }
        List<Path> added = new ArrayList<>(children(folder));
        added.removeAll(before);
        if (added.size() != 1) {
            throw new IllegalStateException("expected one new token folder, found " + added);
        }
        return new Token(label, Integer.parseInt(slot.group(1)), added.getFirst());
    }

    private static Set<Path> children(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return Set.copyOf(entries.toList());
        }
    }
}
