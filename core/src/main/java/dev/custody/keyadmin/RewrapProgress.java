package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The progress of a rewrap, read from the database after the batch committed. */
public record RewrapProgress(List<PurposeProgress> purposes) {
    public RewrapProgress {
        purposes = List.copyOf(requireNonNull(purposes, "purposes is null"));
    }

    public long rewrapped() {
        return purposes.stream().mapToLong(PurposeProgress::rewrapped).sum();
    }

    public long remaining() {
        return purposes.stream().mapToLong(PurposeProgress::remaining).sum();
    }

    /** True once no row of any purpose is left under an older version that rewrapping could move. */
    public boolean finished() {
        return remaining() == 0;
    }
}
