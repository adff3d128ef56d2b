package dev.custody.review;

/**
 * Clips of a project under one key (a day since the epoch, or a prompt's index): how many were
 * collected, and how many of those are accepted now.
 */
public record ClipCount(long key, long collected, long accepted) {
    public ClipCount {
        if (collected < 0 || accepted < 0 || accepted > collected) {
            throw new IllegalArgumentException("counts must satisfy 0 <= accepted <= collected");
        }
    }
}
