package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One KEK version as a keyring holds it. The key is owned by the keyring and wiped when it closes. */
record KekEntry(KeyPurpose purpose, int version, SecretBytes key, Instant createdAt, State state) {
    static final int KEY_LENGTH = 32;

    /** ACTIVE wraps and unwraps; RETIRED (after a rotation) only unwraps. */
    enum State {
        ACTIVE,
        RETIRED
    }

    KekEntry {
        requireNonNull(purpose, "purpose is null");
        requireNonNull(key, "key is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(state, "state is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
    }
}
