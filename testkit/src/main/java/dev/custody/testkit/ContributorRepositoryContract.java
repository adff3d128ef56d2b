package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.T0;
import static dev.custody.testkit.RepositoryRecords.activeContributor;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.sealedIdentity;
import static dev.custody.testkit.RepositoryRecords.voiceKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.contributor.Contributor;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.keys.WrappedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.ContributorRepository}, erasure included. Run through {@link RepositoryContract}. */
public abstract class ContributorRepositoryContract extends RepositoryContractSupport {
    @Test
    void insert_thenFind_returnsContributorIdentityAndVoiceKey() {
        Contributor contributor = activeContributor();
        SealedIdentity identity = sealedIdentity();
        WrappedKey key = voiceKey();
        write(r -> r.contributors().insert(contributor, identity, key));

        assertThat(find(r -> r.contributors().find(contributor.pseudonym()))).contains(contributor);
        assertThat(find(r -> r.contributors().identity(contributor.pseudonym())))
                .contains(identity);
        assertThat(find(r -> r.contributors().voiceKey(contributor.pseudonym())))
                .contains(key);
    }

    @Test
    void unknownPseudonym_hasNoContributorIdentityOrKey() {
        Pseudonym unknown = Pseudonym.random();

        assertThat(find(r -> r.contributors().find(unknown))).isEmpty();
        assertThat(find(r -> r.contributors().identity(unknown))).isEmpty();
        assertThat(find(r -> r.contributors().voiceKey(unknown))).isEmpty();
    }

    @Test
    void insert_duplicatePseudonym_failsWithConflict() {
        Contributor contributor = activeContributor();
        write(r -> r.contributors().insert(contributor, sealedIdentity(), voiceKey()));

        assertFailsWith(
                ErrorCode.CONFLICT,
                () -> write(r -> r.contributors().insert(contributor, sealedIdentity(), voiceKey())));
    }

    @Test
    void erase_deletesIdentityAndVoiceKeyAndMarksErased() {
        Pseudonym pseudonym = newContributor();
        Instant erasedAt = at(9_000);

        assertThat(check(r -> r.contributors().erase(pseudonym, erasedAt))).isTrue();

        assertThat(find(r -> r.contributors().find(pseudonym))).hasValueSatisfying(found -> {
            assertThat(found.state()).isEqualTo(ContributorState.ERASED);
            assertThat(found.erasedAt()).contains(erasedAt);
        });
        assertThat(find(r -> r.contributors().identity(pseudonym))).isEmpty();
        assertThat(find(r -> r.contributors().voiceKey(pseudonym))).isEmpty();
    }

    @Test
    void erase_queuesTheMarkingOfTheirClips_untilItIsDone() {
        Pseudonym first = newContributor();
        Pseudonym second = newContributor();
        write(r -> r.contributors().erase(first, at(1)));
        write(r -> r.contributors().erase(second, at(2)));

        assertThat(list(r -> r.contributors().clipErasuresPending(10))).containsSubsequence(first, second);
        write(r -> r.contributors().clipErasureDone(first));

        assertThat(list(r -> r.contributors().clipErasuresPending(10)))
                .contains(second)
                .doesNotContain(first);
    }

    @Test
    void erase_twice_returnsFalseAndKeepsTheFirstErasureTime() {
        Pseudonym pseudonym = newContributor();
        write(r -> r.contributors().erase(pseudonym, at(10)));

        assertThat(check(r -> r.contributors().erase(pseudonym, at(20)))).isFalse();
        assertThat(find(r -> r.contributors().find(pseudonym)).orElseThrow().erasedAt())
                .contains(at(10));
    }

    @Test
    void erase_unknownPseudonym_returnsFalse() {
        assertThat(check(r -> r.contributors().erase(Pseudonym.random(), at(0))))
                .isFalse();
    }

    @Test
    void erase_leavesOtherContributorsUntouched() {
        Pseudonym erased = newContributor();
        Pseudonym kept = newContributor();

        write(r -> r.contributors().erase(erased, at(1)));

        assertThat(find(r -> r.contributors().find(kept)).orElseThrow().state()).isEqualTo(ContributorState.ACTIVE);
        assertThat(find(r -> r.contributors().voiceKey(kept))).isPresent();
        assertThat(find(r -> r.contributors().identity(kept))).isPresent();
    }

    @Test
    void inactiveSince_returnsActiveContributorsLastActiveBeforeTheCutoff_longestInactiveFirst() {
        // Years before any other test's contributors, so that these are inactive in an order of their own.
        Instant registered = T0.minus(Duration.ofDays(3_650));
        Pseudonym idle = registeredAt(registered);
        Pseudonym idleSince = registeredAt(registered.plus(Duration.ofDays(1)));
        Pseudonym active = registeredAt(registered);
        Pseudonym erased = registeredAt(registered);
        write(r -> {
            r.contributors().recordActivity(active, registered.plus(Duration.ofDays(1_000)));
            r.contributors().erase(erased, registered.plus(Duration.ofDays(2)));
        });

        assertThat(inactiveAmong(registered.plus(Duration.ofDays(500)), List.of(idle, idleSince, active, erased)))
                .containsExactly(idle, idleSince);
        assertThat(inactiveAmong(registered.plus(Duration.ofDays(1)), List.of(idle, idleSince)))
                .containsExactly(idle);
    }

    @Test
    void inactiveSince_returnsAtMostTheLimit() {
        // Earlier than every other test's contributors: these are the longest inactive in the store.
        Instant registered = Instant.parse("1990-01-01T00:00:00Z");
        Pseudonym first = registeredAt(registered);
        Pseudonym second = registeredAt(registered.plusMillis(1));
        registeredAt(registered.plusMillis(2));

        assertThat(list(r -> r.contributors().inactiveSince(registered.plus(Duration.ofDays(5_000)), 2)))
                .containsExactly(first, second);
    }

    @Test
    void recordActivity_keepsTheLatestTime_andIgnoresErasedAndUnknownContributors() {
        Instant registered = T0.minus(Duration.ofDays(7_300));
        Pseudonym contributor = registeredAt(registered);
        Pseudonym erased = registeredAt(registered);
        write(r -> {
            r.contributors().recordActivity(contributor, registered.plus(Duration.ofDays(100)));
            r.contributors().recordActivity(contributor, registered.plus(Duration.ofDays(10)));
            r.contributors().erase(erased, registered);
            r.contributors().recordActivity(erased, registered.plus(Duration.ofDays(100)));
            r.contributors().recordActivity(Pseudonym.random(), registered);
        });

        assertThat(inactiveAmong(registered.plus(Duration.ofDays(100)), List.of(contributor)))
                .isEmpty();
        assertThat(inactiveAmong(registered.plus(Duration.ofDays(100)).plusMillis(1), List.of(contributor)))
                .containsExactly(contributor);
        assertThat(find(r -> r.contributors().find(erased)).orElseThrow().state())
                .isEqualTo(ContributorState.ERASED);
        assertThat(inactiveAmong(T0, List.of(erased))).isEmpty();
    }

    private Pseudonym registeredAt(Instant createdAt) {
        Contributor contributor = activeContributor(createdAt);
        write(r -> r.contributors().insert(contributor, sealedIdentity(), voiceKey()));
        return contributor.pseudonym();
    }

    /** Those of {@code contributors} inactive since {@code cutoff}, in the order the repository returned them. */
    private List<Pseudonym> inactiveAmong(Instant cutoff, List<Pseudonym> contributors) {
        return list(r -> r.contributors().inactiveSince(cutoff, 100_000)).stream()
                .filter(contributors::contains)
                .toList();
    }
}
