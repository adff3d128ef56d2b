package dev.custody.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.keyadmin.KeySchedule;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    private static final String PASSPHRASE = "passphrase-for-this-test-only";
    private static final String DB_PASSWORD = "db-password-for-this-test-only";
    private static final String S3_SECRET = "s3-secret-for-this-test-only";

    @TempDir
    Path temp;

    final Map<String, String> env = new HashMap<>(Map.of("CUSTODY_PASSPHRASE", PASSPHRASE));

    @Test
    void embeddedBackends_relativePathsResolveAgainstTheFilesFolder() throws IOException {
        Path file = write("""
                database.url = sqlite:custody.db
                blobs.url = file:blobs
                keys.url = local:///srv/custody/keyring.sealed
                """);

        try (ConfigFile config = ConfigFile.read(file, env)) {
            assertThat(config.config())
                    .isEqualTo(new CustodyConfig(
                            new DatabaseConfig.Sqlite(temp.resolve("custody.db")),
                            new BlobStoreConfig.Folder(temp.resolve("blobs")),
                            new KeyProviderConfig.LocalKeyringFile(Path.of("/srv/custody/keyring.sealed")),
                            KeySchedule.everyDays(90)));
            assertThat(config.passphrase().toArray())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo(PASSPHRASE);
        }
    }

    @Test
    void keyRotation_defaultsTo90Days_zeroMeansNever_theEnvironmentOverrides_andNonsenseIsRefused() throws IOException {
        Path file = write("""
                database.url = sqlite:custody.db
                blobs.url = file:blobs
                keys.url = local:keyring.sealed
                keys.rotate-every-days = 0
                """);
        try (ConfigFile config = ConfigFile.read(file, env)) {
            assertThat(config.config().keySchedule()).isEqualTo(KeySchedule.never());
        }
        env.put("CUSTODY_KEYS_ROTATE_EVERY_DAYS", "30");
        try (ConfigFile config = ConfigFile.read(file, env)) {
            assertThat(config.config().keySchedule().every()).contains(Duration.ofDays(30));
        }
        for (String nonsense : List.of("1.5", "-1", "3651", "weekly")) {
            env.put("CUSTODY_KEYS_ROTATE_EVERY_DAYS", nonsense);
            assertThatThrownBy(() -> ConfigFile.read(file, env))
                    .as(nonsense)
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessageContaining("keys.rotate-every-days");
        }
    }

    @Test
    void scaleBackends_takeSecretsFromEnvironmentAndFiles_andNeverShowThem() throws IOException {
        Path secretFile = temp.resolve("s3.secret");
        Files.writeString(secretFile, S3_SECRET + "\n");
        Path file = write("""
                database.url = jdbc:postgresql://db.internal:5432/custody
                database.user = custody
                blobs.url = s3://custody-blobs/eu/clips
                blobs.s3.endpoint = https://objects.internal:9000
                blobs.s3.region = eu-central-1
                blobs.s3.path-style = true
                blobs.s3.access-key-id = AKIDEXAMPLE
                blobs.s3.secret-access-key-file = s3.secret
                keys.url = local:keyring.sealed
                """);
        env.put("CUSTODY_DATABASE_PASSWORD", DB_PASSWORD);

        try (ConfigFile config = ConfigFile.read(file, env)) {
            var database = (DatabaseConfig.Postgres) config.config().database();
            assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/custody");
            assertThat(database.user()).isEqualTo("custody");
            assertThat(database.password()).isEqualTo(DB_PASSWORD);
            var s3 = ((BlobStoreConfig.S3) config.config().blobs()).store();
            assertThat(s3.bucket()).isEqualTo("custody-blobs");
            assertThat(s3.keyPrefix()).isEqualTo("eu/clips/");
            assertThat(s3.endpoint()).contains(URI.create("https://objects.internal:9000"));
            assertThat(s3.region()).isEqualTo("eu-central-1");
            assertThat(s3.pathStyle()).isTrue();
            assertThat(s3.credentials().accessKeyId()).isEqualTo("AKIDEXAMPLE");
            assertThat(s3.credentials().secretAccessKey()).isEqualTo(S3_SECRET);
            assertThat(config.config().toString()).doesNotContain(DB_PASSWORD, S3_SECRET, PASSPHRASE);
        }
    }

    @Test
    void environment_overridesTheFile() throws IOException {
        Path file = write(embedded());
        env.put("CUSTODY_DATABASE_URL", "sqlite:/var/lib/custody/other.db");
        env.put("CUSTODY_BLOBS_URL", "file:/var/lib/custody/blobs");

        try (ConfigFile config = ConfigFile.read(file, env)) {
            assertThat(config.config().database())
                    .isEqualTo(new DatabaseConfig.Sqlite(Path.of("/var/lib/custody/other.db")));
            assertThat(config.config().blobs())
                    .isEqualTo(new BlobStoreConfig.Folder(Path.of("/var/lib/custody/blobs")));
        }
    }

    @Test
    void pkcs11_readsTokenSettingsAndPin_withSigningKeysInALocalKeyring() throws IOException {
        Path file = write("""
                database.url = sqlite:custody.db
                blobs.url = file:blobs
                keys.url = pkcs11://custody-prod
                keys.pkcs11.library = /usr/lib/softhsm/libsofthsm2.so
                keys.pkcs11.slot = 7
                keys.signing-keyring = signing.sealed
                """);
        env.put("CUSTODY_KEYS_PKCS11_PIN", "1234");

        try (ConfigFile config = ConfigFile.read(file, env)) {
            var keys = (KeyProviderConfig.Pkcs11) config.config().keys();
            assertThat(keys.token().library()).isEqualTo(Path.of("/usr/lib/softhsm/libsofthsm2.so"));
            assertThat(keys.token().slot()).isEqualTo(7);
            assertThat(keys.token().keyLabelPrefix()).isEqualTo("custody-prod");
            assertThat(keys.token().pin().toArray())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("1234");
            assertThat(config.keyringFile()).isEqualTo(temp.resolve("signing.sealed"));
        }
    }

    @Test
    void secretWrittenInTheFile_isRefusedByName_withoutEchoingIt() throws IOException {
        Path file = write(embedded() + "database.password = " + DB_PASSWORD + "\n");

        assertInvalid(file)
                .contains("database.password", "CUSTODY_DATABASE_PASSWORD", "database.password-file")
                .doesNotContain(DB_PASSWORD);
    }

    @Test
    void passphraseWrittenInTheFile_isRefused() throws IOException {
        Path file = write(embedded() + "keys.passphrase = " + PASSPHRASE + "\n");

        assertInvalid(file).contains("keys.passphrase", "CUSTODY_PASSPHRASE").doesNotContain(PASSPHRASE);
    }

    @Test
    void unknownSetting_isRefusedByName() throws IOException {
        Path file = write(embedded() + "databse.url = sqlite:x.db\n");

        assertInvalid(file).contains("unknown setting databse.url");
    }

    @Test
    void postgresWithoutPassword_namesWhereToPutIt() throws IOException {
        Path file = write("""
                database.url = jdbc:postgresql://db.internal/custody
                database.user = custody
                blobs.url = file:blobs
                keys.url = local:keyring.sealed
                """);

        assertInvalid(file)
                .contains("database.password (CUSTODY_DATABASE_PASSWORD) is required", "database.password-file");
    }

    @Test
    void passwordInTheJdbcUrl_isRefused_withoutEchoingTheUrl() throws IOException {
        Path file = write("""
                database.url = jdbc:postgresql://db.internal/custody?user=custody&password=hunter2-secret
                database.user = custody
                blobs.url = file:blobs
                keys.url = local:keyring.sealed
                """);
        env.put("CUSTODY_DATABASE_PASSWORD", DB_PASSWORD);

        assertInvalid(file)
                .contains("database.url", "must not carry a password")
                .doesNotContain("hunter2-secret");
    }

    @Test
    void missingPassphrase_isRefusedByName() throws IOException {
        Path file = write(embedded());
        env.clear();

        assertInvalid(file).contains("keys.passphrase (CUSTODY_PASSPHRASE) is required", "CUSTODY_PASSPHRASE_FILE");
    }

    @Test
    void unreadableSecretFile_namesTheSetting() throws IOException {
        Path file = write(embedded());
        env.clear();
        env.put("CUSTODY_PASSPHRASE_FILE", temp.resolve("absent").toString());

        assertInvalid(file).contains("keys.passphrase-file (CUSTODY_PASSPHRASE_FILE)", "cannot be read");
    }

    @Test
    void malformedValues_nameTheirSetting() throws IOException {
        assertInvalid(write(embedded().replace("sqlite:custody.db", "mysql://db/custody")))
                .contains("database.url (CUSTODY_DATABASE_URL) must be sqlite:PATH or jdbc:postgresql://");
        assertInvalid(write(embedded().replace("file:blobs", "ftp://blobs")))
                .contains("blobs.url (CUSTODY_BLOBS_URL) must be file:FOLDER or s3://");
        assertInvalid(write(embedded().replace("local:keyring.sealed", "vault://kek")))
                .contains("keys.url (CUSTODY_KEYS_URL) must be local:PATH or pkcs11://");
        env.put("CUSTODY_BLOBS_S3_SECRET_ACCESS_KEY", S3_SECRET);
        String s3 = embedded().replace("file:blobs", "s3://Bad_Bucket/x")
                + "blobs.s3.region = eu-west-1\nblobs.s3.access-key-id = AKID\n";
        assertInvalid(write(s3)).contains("blobs.url", "not a valid S3 bucket name");
        assertInvalid(write(s3.replace("Bad_Bucket", "good-bucket") + "blobs.s3.path-style = yes\n"))
                .contains("blobs.s3.path-style (CUSTODY_BLOBS_S3_PATH_STYLE) must be true or false");
    }

    @Test
    void missingFile_isReportedWithItsPath() {
        Path absent = temp.resolve("absent.conf");

        assertInvalid(absent).contains("no configuration file at " + absent);
    }

    private static String embedded() {
        return """
                database.url = sqlite:custody.db
                blobs.url = file:blobs
                keys.url = local:keyring.sealed
                """;
    }

    private Path write(String contents) throws IOException {
        Path file = Files.createTempFile(temp, "custody", ".conf");
        Files.writeString(file, contents);
        return file;
    }

    private AbstractStringAssert<?> assertInvalid(Path file) {
        return assertThatThrownBy(() -> ConfigFile.read(file, env))
                .asInstanceOf(type(CustodyException.class))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .extracting(Throwable::getMessage, STRING);
    }
}
