package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How often the voice and identity KEKs are rotated on their own ({@code keys.rotate-every-days});
 * {@link #never()} leaves rotation to the security officer. With the backup retention it bounds how
 * long after an erasure any copy (a backup, a dump, PostgreSQL's dead tuples and WAL) can still
 * open the erased key: at most one interval until the version wrapping it is retired, then the
 * retention until it is destroyed.
 */
public record KeySchedule(Optional<Duration> every) {
    public static final int MAX_DAYS = 3650;

    public KeySchedule {
        requireNonNull(every, "every is null");
        every.ifPresent(interval -> {
            if (interval.compareTo(Duration.ofDays(1)) < 0 || interval.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
                throw new IllegalArgumentException("a rotation interval is 1 to " + MAX_DAYS + " days");
            }
        });
    }

    public static KeySchedule never() {
        return new KeySchedule(Optional.empty());
    }

    public static KeySchedule everyDays(int days) {
        return days == 0 ? never() : new KeySchedule(Optional.of(Duration.ofDays(days)));
    }
}
