package dev.custody.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.Principal;
import dev.custody.audit.CheckpointPolicy;
import dev.custody.contributor.Identity;
import dev.custody.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointPolicyIT {
    @TempDir
    Path temp;

    SpineFixture fixture;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void tick_issuesOnceEnoughEntriesAreUncovered() {
        var ledger = fixture.services.ledger();
        ledger.issueCheckpoint();
        var policy = new CheckpointPolicy(ledger, 3, Duration.ofHours(1), clock);

        register("Ivy Example");
        register("Jon Example");
        assertThat(policy.tick()).as("two entries of three").isEmpty();
        register("Kay Example");

        var issued = policy.tick().orElseThrow();
        assertThat(issued.size()).isEqualTo(ledger.status().size());
        assertThat(ledger.status().uncovered()).isZero();
        assertThat(policy.tick()).isEmpty();
    }

    @Test
    void tick_issuesOnceAnEntryHasWaitedLongEnough_andNeverForAnUnchangedLog() {
        var ledger = fixture.services.ledger();
        ledger.issueCheckpoint();
        var policy = new CheckpointPolicy(ledger, 1_000, Duration.ofSeconds(60), clock);

        clock.advance(Duration.ofSeconds(120));
        assertThat(policy.tick()).as("nothing new to cover").isEmpty();
        register("Kim Example");
        assertThat(policy.tick()).isPresent();
        register("Lou Example");
        clock.advance(Duration.ofSeconds(30));
        assertThat(policy.tick()).as("not yet due").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(policy.tick()).isPresent();
    }

    /**
     * One ledger entry (the registration), and no receipt: a consent's receipt would sign a
     * checkpoint of its own and leave the policy nothing to cover.
     */
    private void register(String name) {
        fixture.services
                .contributors()
                .register(Principal.bootstrapAdmin(), new Identity(name, name.replace(' ', '.') + "@example.org"));
    }
}
