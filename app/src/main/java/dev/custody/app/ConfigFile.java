package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.keys.Pkcs11Config;
import dev.custody.keys.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A Custody configuration file (Java properties syntax) with the environment laid over it, read
 * and checked whole before anything is opened: the backends it chooses and the keyring passphrase.
 * The settings and their environment variables are listed in {@link Setting}; the README documents
 * them.
 *
 * <pre>
 * database.url = sqlite:custody.db  |  jdbc:postgresql://db.internal:5432/custody
 * database.user = custody         (PostgreSQL only; the password comes from the environment)
 * blobs.url = file:blobs  |  s3://bucket/prefix/
 * blobs.s3.endpoint, blobs.s3.region, blobs.s3.path-style, blobs.s3.access-key-id
 * keys.url = local:keyring.sealed  |  pkcs11://label-prefix
 * keys.pkcs11.library, keys.pkcs11.slot, keys.signing-keyring
 * keys.rotate-every-days = 90     (0: never; the scheduled KEK rotation)
 * </pre>
 *
 * <p>Relative paths are taken relative to the configuration file's folder. Closing it wipes the
 * secrets it holds that are not handed on as strings.
 *
 * @throws dev.custody.CustodyException INVALID_INPUT from {@link #read}, naming the setting and its
 *     environment variable, for a missing file, an unknown setting, a secret written in the file, a
 *     missing or malformed value, or a secret that cannot be read
 */
public final class ConfigFile implements AutoCloseable {
    private final Path file;
    private final CustodyConfig config;
    private final SecretBytes passphrase;

    private ConfigFile(Path file, CustodyConfig config, SecretBytes passphrase) {
        this.file = file;
        this.config = config;
        this.passphrase = passphrase;
    }

    public static ConfigFile read(Path file, Map<String, String> env) {
        Settings settings = Settings.load(requireNonNull(file, "file is null"), requireNonNull(env, "env is null"));
        var database = database(settings);
        var blobs = BlobSettings.parse(settings);
        SecretBytes passphrase = settings.requiredSecret(Setting.KEYS_PASSPHRASE);
        try {
            return new ConfigFile(
                    file,
                    new CustodyConfig(
                            database,
                            blobs,
                            keys(settings),
                            KeyScheduleSetting.parse(
                                    settings.optional(Setting.KEYS_ROTATE_EVERY_DAYS),
                                    KeyScheduleSetting.DEFAULT_DAYS,
                                    Setting.KEYS_ROTATE_EVERY_DAYS.toString())),
                    passphrase);
        } catch (RuntimeException e) {
            passphrase.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public CustodyConfig config() {
        return config;
    }

    /** The passphrase of the keyring named by {@code keys.url} or {@code keys.signing-keyring}. */
    public SecretBytes passphrase() {
        return passphrase;
    }

    /** The keyring file that holds the signing keys (and for {@code local:} the KEKs too). */
    public Path keyringFile() {
        return switch (config.keys()) {
            case KeyProviderConfig.LocalKeyringFile local -> local.file();
            case KeyProviderConfig.Pkcs11 pkcs11 -> pkcs11.signingKeyring();
        };
    }

    private static DatabaseConfig database(Settings settings) {
        String url = settings.required(Setting.DATABASE_URL);
        if (url.startsWith("sqlite:")) {
            return new DatabaseConfig.Sqlite(settings.resolve(Setting.DATABASE_URL, pathAfter("sqlite:", url)));
        }
        if (url.startsWith("jdbc:postgresql://")) {
            if (url.toLowerCase(Locale.ROOT).contains("password=")) {
                throw settings.invalid(
                        Setting.DATABASE_URL,
                        "must not carry a password: it is a secret, to be given by " + Setting.DATABASE_PASSWORD);
            }
            String user = settings.required(Setting.DATABASE_USER);
            try (SecretBytes password = settings.requiredSecret(Setting.DATABASE_PASSWORD)) {
                // The JDBC driver takes the password as a String; it cannot be wiped after this.
                return new DatabaseConfig.Postgres(url, user, new String(password.toArray(), StandardCharsets.UTF_8));
            }
        }
        throw settings.invalid(Setting.DATABASE_URL, "must be sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    private static KeyProviderConfig keys(Settings settings) {
        String url = settings.required(Setting.KEYS_URL);
        if (url.startsWith("local:")) {
            return new KeyProviderConfig.LocalKeyringFile(settings.resolve(Setting.KEYS_URL, pathAfter("local:", url)));
        }
        if (url.startsWith("pkcs11://")) {
            String prefix = url.substring("pkcs11://".length());
            Path library =
                    settings.resolve(Setting.KEYS_PKCS11_LIBRARY, settings.required(Setting.KEYS_PKCS11_LIBRARY));
            int slot = slot(settings);
            Path signing =
                    settings.resolve(Setting.KEYS_SIGNING_KEYRING, settings.required(Setting.KEYS_SIGNING_KEYRING));
            SecretBytes pin = settings.requiredSecret(Setting.KEYS_PKCS11_PIN);
            try {
                return new KeyProviderConfig.Pkcs11(new Pkcs11Config(library, slot, pin, prefix), signing);
            } catch (IllegalArgumentException e) {
                pin.close();
                throw settings.invalid(Setting.KEYS_URL, "has a bad key label prefix: " + e.getMessage());
            }
        }
        throw settings.invalid(Setting.KEYS_URL, "must be local:PATH or pkcs11://KEY-LABEL-PREFIX");
    }

    private static int slot(Settings settings) {
        String slot = settings.required(Setting.KEYS_PKCS11_SLOT);
        try {
            int value = Integer.parseInt(slot);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a negative number.
        }
        throw settings.invalid(Setting.KEYS_PKCS11_SLOT, "must be a slot id, a whole number from 0");
    }

    /** {@code scheme:path} or {@code scheme://path}; {@code scheme:///abs} is the absolute /abs. */
    static String pathAfter(String scheme, String url) {
        String rest = url.substring(scheme.length());
        return rest.startsWith("//") ? rest.substring(2) : rest;
    }

    @Override
    public void close() {
        passphrase.close();
        if (config.keys() instanceof KeyProviderConfig.Pkcs11 pkcs11) {
            pkcs11.token().pin().close();
        }
    }
}
