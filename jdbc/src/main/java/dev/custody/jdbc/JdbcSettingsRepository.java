package dev.custody.jdbc;

import static java.util.Objects.requireNonNull;

import dev.custody.store.SettingsRepository;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbcSettingsRepository implements SettingsRepository {
    private final Handle handle;

    JdbcSettingsRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<String> get(String key) {
        return handle.createQuery("SELECT value FROM settings WHERE key = :key")
                .bind("key", requireNonNull(key, "key is null"))
                .mapTo(String.class)
                .findOne();
    }

    @Override
    public void put(String key, String value) {
        handle.createUpdate("INSERT INTO settings (key, value) VALUES (:key, :value)"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .bind("key", requireNonNull(key, "key is null"))
                .bind("value", requireNonNull(value, "value is null"))
                .execute();
    }
}
