package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The key-encryption keys of the installation, per purpose, and the backup retention that bounds
 * when a retired version may be destroyed.
 */
public record KeyStatus(List<PurposeStatus> purposes, Duration backupRetention) {
    public KeyStatus {
        purposes = List.copyOf(requireNonNull(purposes, "purposes is null"));
        requireNonNull(backupRetention, "backupRetention is null");
    }
}
