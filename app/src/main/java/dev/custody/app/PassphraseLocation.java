package dev.custody.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a generated passphrase is kept: outside the data folder, in the user's configuration
 * folder ({@code $CUSTODY_CONFIG_HOME}, else {@code $XDG_CONFIG_HOME/custody}, else {@code
 * ~/.config/custody}), named by the keyring's id, so a copy of the data folder alone yields nothing
 * and several installations can share one account.
 */
final class PassphraseLocation {
    private PassphraseLocation() {}

    static Path forKeyring(Map<String, String> env, String keyringId) {
        return configHome(env).resolve(keyringId + ".passphrase");
    }

    static Path configHome(Map<String, String> env) {
        String custody = env.get("CUSTODY_CONFIG_HOME");
        if (custody != null && !custody.isBlank()) {
            return Path.of(custody);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "custody");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config", "custody");
    }
}
