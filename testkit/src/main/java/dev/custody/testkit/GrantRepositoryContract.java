package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.T0;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.clip;
import static dev.custody.testkit.RepositoryRecords.randomBytes;
import static dev.custody.testkit.RepositoryRecords.withState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.custody.ErrorCode;
import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.Role;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.grant.BuyerCommitments;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantBudget;
import dev.custody.grant.GrantId;
import dev.custody.grant.GrantState;
import dev.custody.grant.Revocation;
import dev.custody.grant.RevocationReason;
import dev.custody.keys.KekId;
import dev.custody.keys.WrappedKey;
import dev.custody.project.Purpose;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.GrantRepository}. Run through {@link RepositoryContract}. */
public abstract class GrantRepositoryContract extends RepositoryContractSupport {
    @Test
    void insertedGrant_isFound_withEveryField_andListedForItsOrganizationAndConsumer() {
        Scene scene = scene();
        Grant grant = grant(scene, consumer(scene));
        WrappedKey secret = secret();

        write(r -> r.grants().insert(grant, secret));

        assertThat(find(r -> r.grants().find(grant.id()))).contains(grant);
        assertThat(find(r -> r.grants().sealedSecret(grant.id()))).contains(secret);
        assertThat(list(r -> r.grants().byOrganization(scene.organization().id())))
                .containsExactly(grant);
        assertThat(list(r -> r.grants().byConsumer(grant.consumer()))).containsExactly(grant);
        assertThat(find(r -> r.grants().find(GrantId.random()))).isEmpty();
    }

    @Test
    void aTakenId_conflicts() {
        Scene scene = scene();
        Grant grant = grant(scene, consumer(scene));
        write(r -> r.grants().insert(grant, secret()));

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.grants().insert(grant, secret())));
    }

    @Test
    void setState_changesTheState_andIsFalseForAnUnknownGrant() {
        Scene scene = scene();
        Grant grant = grant(scene, consumer(scene));
        write(r -> r.grants().insert(grant, secret()));

        assertThat(check(r -> r.grants().setState(grant.id(), GrantState.REVOKED)))
                .isTrue();
        assertThat(check(r -> r.grants().setState(GrantId.random(), GrantState.REVOKED)))
                .isFalse();

        assertThat(find(r -> r.grants().find(grant.id())).map(Grant::state)).contains(GrantState.REVOKED);
    }

    @Test
    void deliveries_answerWhoHoldsAClip_andWhatAGrantDelivered_keepingTheFirstTime() {
        Scene scene = scene();
        Account consumer = consumer(scene);
        Grant one = grant(scene, consumer);
        Grant other = grant(scene, consumer);
        Clip shared = withState(clip(scene.project().id(), scene.contributor().pseudonym(), T0), ClipState.ACCEPTED);
        Clip alone = withState(clip(scene.project().id(), scene.contributor().pseudonym(), T0), ClipState.ACCEPTED);
        write(r -> {
            r.grants().insert(one, secret());
            r.grants().insert(other, secret());
            r.clips().insert(shared);
            r.clips().insert(alone);
        });

        write(r -> {
            r.grants().recordDelivery(one.id(), shared.id(), at(1));
            r.grants().recordDelivery(one.id(), shared.id(), at(2));
            r.grants().recordDelivery(other.id(), shared.id(), at(3));
            r.grants().recordDelivery(one.id(), alone.id(), at(4));
        });

        assertThat(list(r -> r.grants().holders(shared.id()))).containsExactlyInAnyOrder(one.id(), other.id());
        assertThat(list(r -> r.grants().holders(alone.id()))).containsExactly(one.id());
        assertThat(list(r -> r.grants().delivered(one.id()))).containsExactlyInAnyOrder(shared.id(), alone.id());
    }

    @Test
    void accepted_listsTheProjectsAcceptedClipsInIdOrder_pageByPage() {
        Scene scene = scene();
        var pseudonym = scene.contributor().pseudonym();
        Clip pending = clip(scene.project().id(), pseudonym, T0);
        Clip a = withState(clip(scene.project().id(), pseudonym, T0), ClipState.ACCEPTED);
        Clip b = withState(clip(scene.project().id(), pseudonym, T0), ClipState.ACCEPTED);
        Clip c = withState(clip(scene.project().id(), pseudonym, T0), ClipState.ACCEPTED);
        write(r -> {
            for (Clip clip : new Clip[] {pending, a, b, c}) {
                r.clips().insert(clip);
            }
        });
        var ids = Stream.of(a, b, c)
                .map(Clip::id)
                .sorted(Comparator.comparing(ClipId::value))
                .toList();

        var first = list(r -> r.clips().accepted(scene.project().id(), Optional.empty(), 2));
        var rest = list(r -> r.clips()
                .accepted(scene.project().id(), Optional.of(first.getLast().id()), 2));

        assertThat(first).extracting(Clip::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(rest).extracting(Clip::id).containsExactly(ids.get(2));
    }

    @Test
    void revocations_appendOncePerClip_inSequence_acknowledgeOnce_andAreOverduePastTheDeadline() {
        Scene scene = scene();
        Grant grant = grant(scene, consumer(scene));
        Clip first = clip(scene.project().id(), scene.contributor().pseudonym(), T0);
        Clip second = clip(scene.project().id(), scene.contributor().pseudonym(), T0);
        write(r -> {
            r.grants().insert(grant, secret());
            r.clips().insert(first);
            r.clips().insert(second);
        });

        boolean appended = check(r ->
                r.grants().appendRevocation(grant.id(), first.id(), "a".repeat(32), RevocationReason.ERASED, at(0)));
        boolean again = check(r ->
                r.grants().appendRevocation(grant.id(), first.id(), "a".repeat(32), RevocationReason.ERASED, at(1)));
        write(r -> r.grants()
                .appendRevocation(grant.id(), second.id(), "b".repeat(32), RevocationReason.GRANT_REVOKED, at(2)));

        assertThat(appended).isTrue();
        assertThat(again).isFalse();
        assertThat(list(r -> r.grants().revocations(grant.id(), 0, 10)))
                .extracting(Revocation::sequence, Revocation::sampleKey)
                .containsExactly(tuple(1L, "a".repeat(32)), tuple(2L, "b".repeat(32)));
        assertThat(list(r -> r.grants().revocations(grant.id(), 1, 10)))
                .extracting(Revocation::sequence)
                .containsExactly(2L);
        Set<ClipId> revoked = tx(r -> r.grants().revokedClips(grant.id()));
        assertThat(revoked).containsExactlyInAnyOrder(first.id(), second.id());
        // The grant's deadline is 14 days.
        var deadline = at(0).plus(Duration.ofDays(14));
        assertThat(list(r -> r.grants().overdue(deadline)))
                .noneMatch(r -> r.grant().equals(grant.id()));
        assertThat(list(r -> r.grants().overdue(deadline.plus(Duration.ofDays(1)))))
                .filteredOn(r -> r.grant().equals(grant.id()))
                .hasSize(2);
        int acknowledged = tx(r -> r.grants().acknowledge(grant.id(), Set.of(1L, 2L, 99L), at(3)));
        int acknowledgedAgain = tx(r -> r.grants().acknowledge(grant.id(), Set.of(1L), at(4)));
        assertThat(acknowledged).isEqualTo(2);
        assertThat(acknowledgedAgain).isZero();
        assertThat(list(r -> r.grants().overdue(deadline.plus(Duration.ofDays(1)))))
                .noneMatch(r -> r.grant().equals(grant.id()));
    }

    private Account consumer(Scene scene) {
        var account = Account.create(
                AccountId.random(),
                AccountRepositoryContract.freshName(),
                Role.DATA_CONSUMER,
                Optional.of(scene.organization().id()),
                AccountRepositoryContract.HASH,
                Optional.empty(),
                T0);
        write(r -> r.accounts().insert(account));
        return account;
    }

    private static Grant grant(Scene scene, Account consumer) {
        return new Grant(
                GrantId.random(),
                scene.organization().id(),
                scene.project().id(),
                consumer.id(),
                Set.of(Purpose.ASR_TRAINING, Purpose.EVALUATION),
                T0.plus(Duration.ofDays(90)),
                new GrantBudget(1_000, 10_000, 1_000_000_000_000L, 10, 100, 5_000_000),
                new BuyerCommitments(14, true, true, true),
                GrantState.ACTIVE,
                T0);
    }

    private static WrappedKey secret() {
        return new WrappedKey(new KekId(URI.create("local://identity"), 3), randomBytes(60));
    }
}
