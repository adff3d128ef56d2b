package dev.custody.keyadmin;

import dev.custody.keys.KekId;
import dev.custody.store.SettingsRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * When each KEK version became active, as a setting: the scheduled rotation counts from it. A
 * version made before this was recorded (the first one of an installation) counts from the first
 * time the schedule looked at it.
 */
final class KekActivation {
    private static final String PREFIX = "keys.activated-at.";

    private KekActivation() {}

    static void record(SettingsRepository settings, KekId kek, Instant at) {
        settings.put(PREFIX + kek, at.toString());
    }

    static Optional<Instant> of(SettingsRepository settings, KekId kek) {
        return settings.get(PREFIX + kek).map(Instant::parse);
    }
}
