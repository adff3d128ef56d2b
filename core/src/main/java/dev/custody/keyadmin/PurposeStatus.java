package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import dev.custody.keys.KekId;
import dev.custody.keys.KeyPurpose;
import java.util.List;

/** The KEK versions of one purpose, oldest first, and the active one. */
public record PurposeStatus(KeyPurpose purpose, KekId active, List<KekVersionStatus> versions) {
    public PurposeStatus {
        requireNonNull(purpose, "purpose is null");
        requireNonNull(active, "active is null");
        versions = List.copyOf(requireNonNull(versions, "versions is null"));
    }

    /** Rows still wrapped under an older live version: what a rewrap has left to do. */
    public long remaining() {
        return versions.stream()
                .filter(version -> version.live() && !version.active())
                .mapToLong(KekVersionStatus::rows)
                .sum();
    }
}
