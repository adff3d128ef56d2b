package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import dev.custody.keys.KekId;
import java.util.List;

/** What one run of the key schedule did: the versions it made active and those it destroyed. */
public record ScheduledRun(List<KekId> rotatedTo, List<KekId> destroyed) {
    public ScheduledRun {
        rotatedTo = List.copyOf(requireNonNull(rotatedTo, "rotatedTo is null"));
        destroyed = List.copyOf(requireNonNull(destroyed, "destroyed is null"));
    }

    public boolean changedAnything() {
        return !rotatedTo.isEmpty() || !destroyed.isEmpty();
    }
}
