package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.jdbc.JdbcMetadataStore;
import dev.custody.keyadmin.KekVersionStatus;
import dev.custody.keyadmin.PurposeStatus;
import dev.custody.keyadmin.RewrapProgress;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.IdentityCipher;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyPurpose;
import dev.custody.keys.LocalKeyring;
import dev.custody.keys.SecretBytes;
import dev.custody.ledger.KeyDestroyed;
import dev.custody.ledger.KeyRotated;
import dev.custody.ledger.LedgerEntry;
import dev.custody.store.MetadataStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation, rewrapping and destruction of KEKs on a real embedded installation, and what they do to
 * a backup of the database taken before them.
 */
class KeyRotationIT {
    @TempDir
    Path temp;

    private SpineFixture fixture;
    private EmbeddedInstallation installation;
    private final Map<Pseudonym, Identity> identities = new LinkedHashMap<>();
    private final Map<ClipId, byte[]> clips = new LinkedHashMap<>();

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"));
        installation = fixture.installation;
    }

    @AfterEach
    void close() {
        if (installation != null) {
            installation.close();
        }
    }

    @Test
    void rotateRewrapDestroy_keepsTheLiveSystemReadable_andLeavesABackupFromBeforeWithoutAnyKey() throws IOException {
        ingestContributors(4);
        Path backup = backUpDatabase();
        services().keys().setBackupRetention(ADMIN, 0);

        var voice = services().keys().rotate(ADMIN, KeyPurpose.VOICE);
        var identity = services().keys().rotate(ADMIN, KeyPurpose.IDENTITY);
        RewrapProgress progress = rewrapToTheEnd(3);
        var destroyedVoice = services().keys().destroy(ADMIN, KeyPurpose.VOICE, 1);
        var destroyedIdentity = services().keys().destroy(ADMIN, KeyPurpose.IDENTITY, 1);

        assertThat(progress.finished()).isTrue();
        assertThat(voice).hasToString("local://voice;v=2");
        assertThat(identity).hasToString("local://identity;v=2");
        clips.forEach((clip, audio) -> assertThat(services()
                        .custodian()
                        .open(ADMIN, clip, "quality-check")
                        .bytes())
                .isEqualTo(audio));
        assertThat(ledger())
                .anyMatch(entry -> entry.records(new KeyRotated("local://voice", KeyPurpose.VOICE, 1, 2)))
                .anyMatch(entry -> entry.records(new KeyRotated("local://identity", KeyPurpose.IDENTITY, 1, 2)))
                .anyMatch(entry -> entry.records(new KeyDestroyed("local://voice", KeyPurpose.VOICE, 1)))
                .anyMatch(entry -> entry.records(new KeyDestroyed("local://identity", KeyPurpose.IDENTITY, 1)));
        assertThat(destroyedVoice.version()).isEqualTo(1);
        assertThat(destroyedIdentity.version()).isEqualTo(1);
        Path database = installation.folder().database();
        Path keyring = installation.folder().keyring();
        installation.close();
        installation = null;
        assertEveryKeyOpens(database, keyring);
        assertNoKeyOpens(backup, keyring);
    }

    @Test
    void destroy_whileRowsAreStillWrappedUnderTheVersion_isRefusedAndChangesNothing() {
        ingestContributors(2);
        services().keys().setBackupRetention(ADMIN, 0);
        services().keys().rotate(ADMIN, KeyPurpose.VOICE);
        long entries = ledger().size();

        assertConflict(() -> services().keys().destroy(ADMIN, KeyPurpose.VOICE, 1), "2 wrapped keys still use");

        assertThat(ledger()).hasSize((int) entries);
        clips.forEach((clip, audio) -> assertThat(services()
                        .custodian()
                        .open(ADMIN, clip, "quality-check")
                        .bytes())
                .isEqualTo(audio));
    }

    @Test
    void destroy_insideTheBackupRetention_isRefused_untilTheRetentionAllowsIt() {
        ingestContributors(1);
        services().keys().rotate(ADMIN, KeyPurpose.IDENTITY);
        rewrapToTheEnd(10);

        assertConflict(() -> services().keys().destroy(ADMIN, KeyPurpose.IDENTITY, 1), "backup retention 30 days");
        services().keys().setBackupRetention(ADMIN, 0);

        assertThat(services().keys().destroy(ADMIN, KeyPurpose.IDENTITY, 1)).hasToString("local://identity;v=1");
    }

    @Test
    void destroy_theActiveVersion_isRefused() {
        services().keys().setBackupRetention(ADMIN, 0);

        assertConflict(() -> services().keys().destroy(ADMIN, KeyPurpose.VOICE, 1), "active version");
    }

    @Test
    void rewrap_interruptedAfterOneBatch_resumesInANewProcess_andMovesEveryRow() {
        ingestContributors(5);
        services().keys().rotate(ADMIN, KeyPurpose.VOICE);
        services().keys().rotate(ADMIN, KeyPurpose.IDENTITY);

        RewrapProgress first = services().keys().rewrap(ADMIN, 3);
        installation.close();
        installation = SpineFixture.open(temp.resolve("data"), SpineFixture.PASSPHRASE);
        RewrapProgress rest = rewrapToTheEnd(4);

        assertThat(first.rewrapped()).isEqualTo(3);
        // 5 voice keys, 5 identities, the 5 witnesses' names of their paper consents and the first
        // operator's TOTP secret.
        assertThat(first.remaining()).isEqualTo(13);
        assertThat(rest.finished()).isTrue();
        for (PurposeStatus purpose : services().keys().status(ADMIN).purposes()) {
            assertThat(purpose.versions())
                    .extracting(KekVersionStatus::kek, KekVersionStatus::rows)
                    .containsExactly(
                            tuple(new KekId(purpose.active().uri(), 1), 0L),
                            tuple(purpose.active(), purpose.purpose() == KeyPurpose.IDENTITY ? 11L : 5L));
        }
        clips.forEach((clip, audio) -> assertThat(services()
                        .custodian()
                        .open(ADMIN, clip, "quality-check")
                        .bytes())
                .isEqualTo(audio));
    }

    private Services services() {
        return installation.custody().services();
    }

    private void ingestContributors(int count) {
        for (int i = 0; i < count; i++) {
            String name = "Contributor " + (char) ('A' + i);
            Pseudonym contributor = fixture.consentingContributor(name);
            identities.put(contributor, new Identity(name, name.toLowerCase().replace(' ', '.') + "@example.org"));
            byte[] audio = SpineFixture.speech(100 + i);
            clips.put(fixture.ingest(contributor, audio).clip().id(), audio);
        }
    }

    /** Rewraps in batches until done, as the command line does; bounded so a fault cannot spin. */
    private RewrapProgress rewrapToTheEnd(int batchSize) {
        for (int batch = 0; batch < 100; batch++) {
            RewrapProgress progress = services().keys().rewrap(ADMIN, batchSize);
            if (progress.finished()) {
                return progress;
            }
        }
        throw new AssertionError("rewrap did not finish");
    }

    /** A consistent copy of the database: the installation closed, then reopened on the original. */
    private Path backUpDatabase() throws IOException {
        Path database = installation.folder().database();
        installation.close();
        Path backup = Files.createDirectories(temp.resolve("backup")).resolve("custody.db");
        Files.copy(database, backup, StandardCopyOption.COPY_ATTRIBUTES);
        installation = SpineFixture.open(temp.resolve("data"), SpineFixture.PASSPHRASE);
        return backup;
    }

    private void assertEveryKeyOpens(Path database, Path keyringFile) {
        try (LocalKeyring keyring = LocalKeyring.open(keyringFile, passphrase());
                MetadataStore store = JdbcMetadataStore.openSqlite(database)) {
            for (var contributor : identities.entrySet()) {
                Pseudonym who = contributor.getKey();
                var sealed =
                        store.inTransaction(r -> r.contributors().identity(who)).orElseThrow();
                var key =
                        store.inTransaction(r -> r.contributors().voiceKey(who)).orElseThrow();
                assertThat(new IdentityCipher(keyring).open(who, sealed)).isEqualTo(contributor.getValue());
                assertThat(new ContributorKeys(keyring).clipCipher(key, who)).isNotNull();
            }
        }
    }

    private void assertNoKeyOpens(Path backup, Path keyringFile) {
        int attempts = 0;
        try (LocalKeyring keyring = LocalKeyring.open(keyringFile, passphrase());
                MetadataStore store = JdbcMetadataStore.openSqlite(backup)) {
            for (Pseudonym who : identities.keySet()) {
                var sealed =
                        store.inTransaction(r -> r.contributors().identity(who)).orElseThrow();
                var key =
                        store.inTransaction(r -> r.contributors().voiceKey(who)).orElseThrow();
                assertThat(key.kek()).hasToString("local://voice;v=1");
                assertIntegrityFailure(() -> new ContributorKeys(keyring).clipCipher(key, who));
                assertIntegrityFailure(() -> new IdentityCipher(keyring).open(who, sealed));
                attempts++;
            }
        }
        assertThat(attempts).isEqualTo(identities.size()).isPositive();
    }

    private List<LedgerEntry> ledger() {
        return services().ledger().entries(ADMIN, 0, Long.MAX_VALUE);
    }

    private static SecretBytes passphrase() {
        return SecretBytes.copyOf(SpineFixture.PASSPHRASE.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertIntegrityFailure(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }

    private static void assertConflict(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageContaining(message);
    }
}
