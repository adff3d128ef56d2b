package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One KEK version as a keyring holds it. The key is owned by the keyring and wiped when it closes; a
 * DESTROYED entry is a tombstone with an empty key, kept so that the version stays known as destroyed
 * and is never reused.
 */
record KekEntry(KeyPurpose purpose, int version, SecretBytes key, Instant createdAt, State state) {
    static final int KEY_LENGTH = 32;

    /** ACTIVE wraps and unwraps; RETIRED (after a rotation) only unwraps; DESTROYED does neither. */
    enum State {
        ACTIVE,
        RETIRED,
        DESTROYED
    }

    KekEntry {
        requireNonNull(purpose, "purpose is null");
        requireNonNull(key, "key is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(state, "state is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
        if (key.length() != (state == State.DESTROYED ? 0 : KEY_LENGTH)) {
            throw new IllegalArgumentException("a live KEK holds 32 bytes, a destroyed one none");
        }
    }

    /** The tombstone of this version: same purpose, version and creation time, no key. */
    KekEntry destroyed() {
        return new KekEntry(purpose, version, SecretBytes.copyOf(new byte[0]), createdAt, State.DESTROYED);
    }

    KekEntry retired() {
        return new KekEntry(purpose, version, key, createdAt, State.RETIRED);
    }

    boolean live() {
        return state != State.DESTROYED;
    }
}
