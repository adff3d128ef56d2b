package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import dev.custody.keys.KeyPurpose;

/**
 * What one rewrap call did for a purpose: rows moved to the active version, rows still under an
 * older live version ({@code remaining}), and rows under a version the provider no longer holds
 * ({@code unrecoverable}), which no rewrap can move and which can never be opened again.
 */
public record PurposeProgress(KeyPurpose purpose, long rewrapped, long remaining, long unrecoverable) {
    public PurposeProgress {
        requireNonNull(purpose, "purpose is null");
        if (rewrapped < 0 || remaining < 0 || unrecoverable < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
