package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.keys.SecretBytes;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings of one configuration file (Java properties syntax) with the environment laid over
 * it. Every problem is a {@code CustodyException INVALID_INPUT} whose message names the setting and
 * its environment variable, and never holds a secret's value.
 */
final class Settings {
    private static final int MAX_SECRET_FILE_SIZE = 4096;

    private final Path file;
    private final Map<Setting, String> values;
    private final Map<String, String> env;

    private Settings(Path file, Map<Setting, String> values, Map<String, String> env) {
        this.file = file;
        this.values = values;
        this.env = env;
    }

    /**
     * Reads {@code file} and applies the environment's overrides. Refuses an unknown setting (a typo
     * would otherwise fall back to a default silently) and a secret written in the file.
     */
    static Settings load(Path file, Map<String, String> env) {
        requireNonNull(file, "file is null");
        requireNonNull(env, "env is null");
        Properties properties = read(file);
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (String key : properties.stringPropertyNames()) {
            Setting setting = Setting.named(key)
                    .orElseThrow(() -> CustodyException.invalidInput(
                            "unknown setting " + key + " in the configuration file " + file));
            if (setting.secret()) {
                throw CustodyException.invalidInput(setting.key() + " must not be written in the configuration file "
                        + file + ": secrets come only from the environment (" + setting.environmentVariable()
                        + ") or from a file named by " + setting.fileSetting().key());
            }
            values.put(setting, properties.getProperty(key).strip());
        }
        for (Setting setting : Setting.values()) {
            String override = env.get(setting.environmentVariable());
            if (override != null && !setting.secret()) {
                values.put(setting, override.strip());
            }
        }
        return new Settings(file, values, Map.copyOf(env));
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (NoSuchFileException e) {
            throw CustodyException.invalidInput("no configuration file at " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw CustodyException.invalidInput("cannot read the configuration file " + file + ": " + e.getMessage());
        }
    }

    Path file() {
        return file;
    }

    Optional<String> optional(Setting setting) {
        return Optional.ofNullable(values.get(setting)).filter(value -> !value.isEmpty());
    }

    String required(Setting setting) {
        return optional(setting).orElseThrow(() -> invalid(setting, "is required"));
    }

    /** A path setting; a relative path is taken relative to the configuration file's folder. */
    Path resolve(Setting setting, String path) {
        if (path.isBlank()) {
            throw invalid(setting, "names no path");
        }
        Path folder = file.toAbsolutePath().getParent();
        return folder.resolve(path).normalize();
    }

    /** The secret from its environment variable, else from the file its -file setting names. */
    Optional<SecretBytes> secret(Setting secret) {
        String direct = env.get(secret.environmentVariable());
        if (direct != null) {
            if (direct.isEmpty()) {
                throw invalid(secret, "is empty");
            }
            return Optional.of(SecretBytes.takeOwnership(direct.getBytes(StandardCharsets.UTF_8)));
        }
        Setting fileSetting = secret.fileSetting();
        return optional(fileSetting).map(name -> readSecret(fileSetting, resolve(fileSetting, name)));
    }

    SecretBytes requiredSecret(Setting secret) {
        return secret(secret)
                .orElseThrow(() ->
                        invalid(secret, "is required: set it or name a file holding it in " + secret.fileSetting()));
    }

    CustodyException invalid(Setting setting, String problem) {
        return CustodyException.invalidInput("configuration setting " + setting + " " + problem);
    }

    private SecretBytes readSecret(Setting fileSetting, Path path) {
        byte[] contents;
        try {
            if (Files.size(path) > MAX_SECRET_FILE_SIZE) {
                throw invalid(fileSetting, "names a file that is too large to hold a secret: " + path);
            }
            contents = Files.readAllBytes(path);
        } catch (IOException e) {
            throw invalid(fileSetting, "names a file that cannot be read: " + path);
        }
        int length = contents.length;
        // One trailing newline is what editors and `echo` add; it is not part of the secret.
        if (length > 0 && contents[length - 1] == '\n') {
            length--;
            if (length > 0 && contents[length - 1] == '\r') {
                length--;
            }
        }
        byte[] secret = Arrays.copyOf(contents, length);
        Arrays.fill(contents, (byte) 0);
        if (secret.length == 0) {
            throw invalid(fileSetting, "names an empty file: " + path);
        }
        return SecretBytes.takeOwnership(secret);
    }
}
