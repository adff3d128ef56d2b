package dev.custody.testkit;

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
import java.time.Instant;
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
}
