package dev.custody.keyadmin;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The key-encryption keys of the installation, per purpose; the backup retention that bounds when a
 * retired version may be destroyed; the rotation schedule and its next rotation.
 */
public record KeyStatus(
        List<PurposeStatus> purposes, Duration backupRetention, KeySchedule schedule, Optional<Instant> nextRotation) {
    public KeyStatus {
        purposes = List.copyOf(requireNonNull(purposes, "purposes is null"));
        requireNonNull(backupRetention, "backupRetention is null");
        requireNonNull(schedule, "schedule is null");
        requireNonNull(nextRotation, "nextRotation is null");
    }

    /**
     * The longest an erased key can still be opened from any copy (a backup, a dump, PostgreSQL's
     * dead tuples and WAL) once the schedule runs: until the next rotation retires the version that
     * wrapped it, then the backup retention until that version is destroyed, plus the rewrap (which
     * destruction waits for; minutes, not days). Empty without a schedule: no bound.
     */
    public Optional<Duration> erasureReachesEveryCopyWithin() {
        return schedule.every().map(every -> every.plus(backupRetention));
    }
}
