package dev.custody.keys;

import dev.custody.CustodyException;

/**
 * The cost of deriving a keyring's sealing key from its passphrase with Argon2id (RFC 9106): memory
 * in KiB, passes over that memory, and lanes.
 *
 * <p>Every instance lies within fixed bounds, whether made in code or read back from a keyring
 * file's header: memory 1 MiB to 1 GiB, 1 to 32 iterations, parallelism 1 to 16. The caps exist
 * because the header is read before anything in the file can be authenticated, so a hostile file
 * must not make us allocate gigabytes or spin for minutes. The constructor throws {@code
 * INVALID_INPUT} outside the bounds.
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {
    public static final int MIN_MEMORY_KIB = 1024;
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 32;
    public static final int MAX_PARALLELISM = 16;

    /**
     * 64 MiB, 3 iterations, 1 lane: between OWASP's recommended settings (19 MiB/2, 46 MiB/1) and
     * RFC 9106's second recommendation (64 MiB/3/4). One derivation with Bouncy Castle took about
     * 0.14 s on a 2-core EPYC server (0.3 s on a cold JVM); it runs once per keyring open.
     */
    public static final Argon2Parameters DEFAULT = new Argon2Parameters(64 * 1024, 3, 1);

    public Argon2Parameters {
        requireWithin(memoryKiB, MIN_MEMORY_KIB, MAX_MEMORY_KIB, "Argon2 memory");
        requireWithin(iterations, 1, MAX_ITERATIONS, "Argon2 iterations");
        requireWithin(parallelism, 1, MAX_PARALLELISM, "Argon2 parallelism");
    }

    private static void requireWithin(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw CustodyException.invalidInput(what + " must be between " + min + " and " + max);
        }
    }
}
