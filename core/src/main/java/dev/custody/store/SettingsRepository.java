package dev.custody.store;

import java.util.Optional;

/** Small named values of the installation (for example the bootstrap token's hash). Never secrets in plaintext. */
public interface SettingsRepository {
    Optional<String> get(String key);

    void put(String key, String value);
}
