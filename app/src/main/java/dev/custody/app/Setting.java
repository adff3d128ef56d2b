package dev.custody.app;

import dev.custody.keys.Passphrases;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting a configuration file may hold, and the environment variable that overrides it:
 * {@code CUSTODY_} followed by the name in upper case with {@code .} and {@code -} turned into
 * {@code _} ({@code database.url} is {@code CUSTODY_DATABASE_URL}). The keyring passphrase keeps
 * the variables it has always had, {@code CUSTODY_PASSPHRASE} and {@code CUSTODY_PASSPHRASE_FILE}.
 *
 * <p>A secret setting may come only from its environment variable or from the file named by its
 * {@code -file} companion, never from the configuration file itself, which tends to be copied,
 * committed and backed up.
 */
enum Setting {
    DATABASE_URL("database.url"),
    DATABASE_USER("database.user"),
    DATABASE_PASSWORD("database.password", true),
    DATABASE_PASSWORD_FILE("database.password-file"),
    BLOBS_URL("blobs.url"),
    BLOBS_S3_ENDPOINT("blobs.s3.endpoint"),
    BLOBS_S3_REGION("blobs.s3.region"),
    BLOBS_S3_PATH_STYLE("blobs.s3.path-style"),
    BLOBS_S3_ACCESS_KEY_ID("blobs.s3.access-key-id"),
    BLOBS_S3_SECRET_ACCESS_KEY("blobs.s3.secret-access-key", true),
    BLOBS_S3_SECRET_ACCESS_KEY_FILE("blobs.s3.secret-access-key-file"),
    KEYS_URL("keys.url"),
    KEYS_PASSPHRASE("keys.passphrase", true),
    KEYS_PASSPHRASE_FILE("keys.passphrase-file"),
    KEYS_PKCS11_LIBRARY("keys.pkcs11.library"),
    KEYS_PKCS11_SLOT("keys.pkcs11.slot"),
    KEYS_PKCS11_PIN("keys.pkcs11.pin", true),
    KEYS_PKCS11_PIN_FILE("keys.pkcs11.pin-file"),
    KEYS_SIGNING_KEYRING("keys.signing-keyring"),
    KEYS_ROTATE_EVERY_DAYS("keys.rotate-every-days");

    private final String key;
    private final boolean secret;

    Setting(String key) {
        this(key, false);
    }

    Setting(String key, boolean secret) {
        this.key = key;
        this.secret = secret;
    }

    /** The name in the configuration file. */
    String key() {
        return key;
    }

    boolean secret() {
        return secret;
    }

    /** The environment variable that overrides (or, for a secret, supplies) this setting. */
    String environmentVariable() {
        // The passphrase keeps the names the embedded default has always read.
        if (this == KEYS_PASSPHRASE) {
            return Passphrases.VARIABLE;
        }
        if (this == KEYS_PASSPHRASE_FILE) {
            return Passphrases.FILE_VARIABLE;
        }
        return "CUSTODY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The setting naming the file a secret may be read from. */
    Setting fileSetting() {
        if (!secret) {
            throw new IllegalStateException(key + " is not a secret");
        }
        return named(key + "-file").orElseThrow();
    }

    static Optional<Setting> named(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key + " (" + environmentVariable() + ")";
    }
}
