package dev.custody.testkit;

import dev.custody.keys.Argon2Parameters;

/** Key-derivation cost for tests and benchmarks, which open keyrings by the hundred. */
public final class TestArgon2 {
    private TestArgon2() {}

    /** The cheapest parameters a keyring accepts: they give a passphrase no protection. */
    public static Argon2Parameters parameters() {
        return new Argon2Parameters(Argon2Parameters.MIN_MEMORY_KIB, 1, 1);
    }
}
