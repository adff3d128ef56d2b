package dev.custody.keyadmin;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.keys.KekId;
import dev.custody.store.SettingsRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long backups are kept, and when each KEK version was retired, both as settings: a retired
 * version may be destroyed once the retention has passed since its retirement, because every backup
 * taken while it was active has expired by then.
 */
final class BackupRetention {
    static final String SETTING = KeyRotationService.RETENTION_SETTING;

    private static final String RETIRED_PREFIX = "keys.retired-at.";

    private BackupRetention() {}

    static Duration of(SettingsRepository settings) {
        return Duration.ofDays(settings.get(SETTING)
                .flatMap(BackupRetention::days)
                // A missing or malformed setting must not shorten the window.
                .orElse(KeyRotationService.DEFAULT_RETENTION_DAYS));
    }

    static void recordRetirement(SettingsRepository settings, KekId kek, Instant at) {
        settings.put(RETIRED_PREFIX + kek, at.toString());
    }

    /** Fails {@code CONFLICT} unless the version's retirement is recorded and the retention has passed since. */
    static void requireExpired(SettingsRepository settings, KekId kek, Instant now) {
        Instant retired = settings.get(RETIRED_PREFIX + kek)
                .map(Instant::parse)
                .orElseThrow(() -> new CustodyException(
                        ErrorCode.CONFLICT, "no retirement of " + kek + " is recorded: it cannot be shown unneeded"));
        Duration retention = of(settings);
        Instant allowed = retired.plus(retention);
        if (now.isBefore(allowed)) {
            throw new CustodyException(
                    ErrorCode.CONFLICT,
                    "backups taken before " + retired + " may still need " + kek + " (backup retention "
                            + retention.toDays() + " days): it can be destroyed from " + allowed);
        }
    }

    private static Optional<Integer> days(String text) {
        try {
            int days = Integer.parseInt(text);
            return days >= 0 && days <= KeyRotationService.MAX_RETENTION_DAYS ? Optional.of(days) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
