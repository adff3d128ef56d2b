package dev.custody.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The failed sign-ins from one client address counted since {@code startedAt}, the first failure of
 * the window. The constructor throws {@code IllegalArgumentException} for a count below 1.
 */
public record FailureWindow(Instant startedAt, int failures) {
    public FailureWindow {
        requireNonNull(startedAt, "startedAt is null");
        if (failures < 1) {
            throw new IllegalArgumentException("a window holds at least one failure");
        }
    }
}
