package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.keyadmin.KekVersionStatus;
import dev.custody.keys.KeyPurpose;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRewrapJobIT {
    @TempDir
    Path temp;

    SpineFixture fixture;

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void backgroundRewrap_movesEveryKeyToTheActiveVersion_andClipsStayReadable() {
        var alice = fixture.consentingContributor("Alice Example");
        var bob = fixture.consentingContributor("Bob Example");
        var clip = fixture.ingest(alice, SpineFixture.speech(1)).clip();
        fixture.ingest(bob, SpineFixture.speech(2));
        var before = new java.util.EnumMap<KeyPurpose, Long>(KeyPurpose.class);
        for (var purpose : fixture.services.keys().status(ADMIN).purposes()) {
            before.put(
                    purpose.purpose(),
                    purpose.versions().stream()
                            .mapToLong(KekVersionStatus::rows)
                            .sum());
        }
        fixture.services.keys().rotate(ADMIN, KeyPurpose.VOICE);
        fixture.services.keys().rotate(ADMIN, KeyPurpose.IDENTITY);

        // A nudge queued before close is run by close, which waits for it.
        try (var jobs = BackgroundJobs.start(
                fixture.installation.custody().jobLock(),
                Duration.ofHours(1),
                BackgroundJobs.Job.keyRewrap(fixture.services.keys()))) {
            jobs.nudge();
        }

        for (var purpose : fixture.services.keys().status(ADMIN).purposes()) {
            assertThat(purpose.versions())
                    .as(purpose.toString())
                    .allSatisfy(version ->
                            assertThat(version.rows()).isEqualTo(version.active() ? before.get(purpose.purpose()) : 0));
            assertThat(purpose.versions()).filteredOn(KekVersionStatus::active).hasSize(1);
        }
        assertThat(fixture.services
                        .custodian()
                        .open(ADMIN, clip.id(), "quality-check")
                        .bytes())
                .isEqualTo(SpineFixture.speech(1));
    }
}
