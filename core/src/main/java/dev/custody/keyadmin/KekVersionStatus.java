package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import dev.custody.keys.KekId;

/**
 * One KEK version: whether the provider still holds it ({@code live}), whether new wraps use it
 * ({@code active}), and how many stored rows are wrapped under it. A version that is not live yet
 * wraps rows has lost them: those rows can never be opened again.
 */
public record KekVersionStatus(KekId kek, boolean live, boolean active, long rows) {
    public KekVersionStatus {
        requireNonNull(kek, "kek is null");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
    }
}
