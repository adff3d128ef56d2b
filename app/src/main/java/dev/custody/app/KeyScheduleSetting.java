package dev.custody.app;

import dev.custody.CustodyException;
import dev.custody.keyadmin.KeySchedule;
import java.util.Optional;

/**
 * Reads {@code keys.rotate-every-days} (env {@code CUSTODY_KEYS_ROTATE_EVERY_DAYS}): whole days, 1 to
 * 3650, or 0 for never. A configured installation rotates every {@value #DEFAULT_DAYS} days unless
 * told otherwise; the embedded default only when the variable asks.
 */
final class KeyScheduleSetting {
    static final int DEFAULT_DAYS = 90;
    static final String VARIABLE = "CUSTODY_KEYS_ROTATE_EVERY_DAYS";

    private KeyScheduleSetting() {}

    static KeySchedule parse(Optional<String> text, int defaultDays, String name) {
        if (text.isEmpty()) {
            return KeySchedule.everyDays(defaultDays);
        }
        try {
            int days = Integer.parseInt(text.get().strip());
            if (days >= 0 && days <= KeySchedule.MAX_DAYS) {
                return KeySchedule.everyDays(days);
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number out of range.
        }
        throw CustodyException.invalidInput("configuration setting " + name + " must be whole days, 1 to "
                + KeySchedule.MAX_DAYS + ", or 0 for never");
    }
}
