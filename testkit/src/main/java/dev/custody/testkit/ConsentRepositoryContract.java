package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.consent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.KekId;
import dev.custody.keys.WrappedKey;
import dev.custody.project.ProjectId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.ConsentRepository}. Run through {@link RepositoryContract}. */
public abstract class ConsentRepositoryContract extends RepositoryContractSupport {
    @Test
    void latest_returnsTheMostRecentConsentOfThatContributorForThatProject() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        ProjectId project = scene.project().id();
        ConsentRecord newest = consent(contributor, project, 3, at(300));
        write(r -> {
            r.consents().insert(consent(contributor, project, 1, at(100)), Optional.empty());
            r.consents().insert(newest, Optional.empty());
            r.consents().insert(consent(contributor, project, 2, at(200)), Optional.empty());
        });

        assertThat(find(r -> r.consents().latest(contributor, project))).contains(newest);
    }

    @Test
    void latest_withoutConsentForThatProject_isEmpty() {
        Scene scene = scene();
        Pseudonym other = newContributor();
        write(r -> r.consents().insert(consent(other, scene.project().id(), 1, at(1)), Optional.empty()));

        assertThat(find(r -> r.consents()
                        .latest(scene.contributor().pseudonym(), scene.project().id())))
                .isEmpty();
    }

    @Test
    void insert_duplicateId_failsWithConflict() {
        Scene scene = scene();
        ConsentRecord consent =
                consent(scene.contributor().pseudonym(), scene.project().id(), 1, at(1));
        write(r -> r.consents().insert(consent, Optional.empty()));

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.consents().insert(consent, Optional.empty())));
    }

    @Test
    void insert_forAnUnknownProject_failsWithNotFound() {
        Pseudonym contributor = newContributor();

        assertFailsWith(
                ErrorCode.NOT_FOUND,
                () -> write(r ->
                        r.consents().insert(consent(contributor, ProjectId.random(), 1, at(1)), Optional.empty())));
        assertThat(list(r -> r.consents().byContributor(contributor))).isEmpty();
    }

    @Test
    void aConsentWithoutLedgerIndex_roundTripsAsSuch() {
        Scene scene = scene();
        var given = consent(scene.contributor().pseudonym(), scene.project().id(), 1, at(1));
        var unindexed = new ConsentRecord(
                given.id(),
                given.contributor(),
                given.project(),
                1,
                given.termsHash(),
                given.givenAt(),
                OptionalLong.empty(),
                Optional.empty(),
                Optional.empty());
        write(r -> r.consents().insert(unindexed, Optional.empty()));

        assertThat(list(r -> r.consents().byContributor(scene.contributor().pseudonym())))
                .containsExactly(unindexed);
    }

    @Test
    void aConsentRecordedFromPaper_roundTripsItsFormHash_andIsCountedAsRecordedByStaff() {
        Scene scene = scene();
        var given = consent(scene.contributor().pseudonym(), scene.project().id(), 1, at(1));
        var paper = new ConsentRecord(
                given.id(),
                given.contributor(),
                given.project(),
                1,
                given.termsHash(),
                given.givenAt(),
                given.ledgerIndex(),
                Optional.empty(),
                Optional.of(RepositoryRecords.randomBytes(32)));
        var ownSignature = consent(newContributor(), scene.project().id(), 1, at(2));
        write(r -> r.consents().insert(paper, Optional.empty()));
        write(r -> r.consents().insert(ownSignature, Optional.empty()));

        assertThat(list(r -> r.consents().byContributor(scene.contributor().pseudonym())))
                .containsExactly(paper);
        long recordedByStaff =
                tx(r -> r.consents().recordedByStaff(scene.project().id()));
        assertThat(recordedByStaff).isEqualTo(1L);
    }

    @Test
    void byContributor_listsOnlyTheirs_newestFirst_acrossProjects() {
        Scene scene = scene();
        Scene other = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        ConsentRecord first = consent(contributor, scene.project().id(), 1, at(100));
        ConsentRecord second = consent(contributor, other.project().id(), 1, at(200));
        write(r -> {
            r.consents().insert(second, Optional.empty());
            r.consents().insert(first, Optional.empty());
            r.consents()
                    .insert(
                            consent(
                                    other.contributor().pseudonym(),
                                    scene.project().id(),
                                    1,
                                    at(300)),
                            Optional.empty());
        });

        assertThat(list(r -> r.consents().byContributor(contributor))).containsExactly(second, first);
    }

    @Test
    void withdraw_marksOnlyThatProjectsStandingConsents_andReturnsThemWithdrawn() {
        Scene scene = scene();
        Scene other = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        ConsentRecord old = consent(contributor, scene.project().id(), 1, at(100));
        ConsentRecord current = consent(contributor, scene.project().id(), 2, at(200));
        ConsentRecord elsewhere = consent(contributor, other.project().id(), 1, at(150));
        write(r -> {
            r.consents().insert(old, Optional.empty());
            r.consents().insert(current, Optional.empty());
            r.consents().insert(elsewhere, Optional.empty());
        });

        var withdrawn =
                list(r -> r.consents().withdraw(contributor, scene.project().id(), at(500)));
        var again = list(r -> r.consents().withdraw(contributor, scene.project().id(), at(600)));

        assertThat(withdrawn).extracting(ConsentRecord::id).containsExactlyInAnyOrder(old.id(), current.id());
        assertThat(withdrawn).allSatisfy(c -> assertThat(c.withdrawnAt()).contains(at(500)));
        assertThat(again).isEmpty();
        assertThat(find(r -> r.consents().latest(contributor, scene.project().id())))
                .hasValueSatisfying(c -> assertThat(c.active()).isFalse());
        assertThat(find(r -> r.consents().latest(contributor, other.project().id())))
                .contains(elsewhere);
    }

    @Test
    void withdrawAll_marksEveryStandingConsentOfTheContributorOnly() {
        Scene scene = scene();
        Scene other = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        ConsentRecord mine = consent(contributor, scene.project().id(), 1, at(100));
        ConsentRecord mineElsewhere = consent(contributor, other.project().id(), 1, at(100));
        ConsentRecord theirs =
                consent(other.contributor().pseudonym(), scene.project().id(), 1, at(100));
        write(r -> {
            r.consents().insert(mine, Optional.empty());
            r.consents().insert(mineElsewhere, Optional.empty());
            r.consents().insert(theirs, Optional.empty());
        });

        var withdrawn = list(r -> r.consents().withdrawAll(contributor, at(700)));

        assertThat(withdrawn).extracting(ConsentRecord::id).containsExactlyInAnyOrder(mine.id(), mineElsewhere.id());
        assertThat(list(r -> r.consents().byContributor(contributor))).noneMatch(ConsentRecord::active);
        assertThat(find(r -> r.consents()
                        .latest(other.contributor().pseudonym(), scene.project().id())))
                .contains(theirs);
    }

    @Test
    void signerNames_areListedUnderTheirKek_andForgottenWithoutTouchingTheConsents() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        KekId kek = new KekId(URI.create("local://contract-" + UUID.randomUUID()), 1);
        WrappedKey name = new WrappedKey(kek, RepositoryRecords.randomBytes(44));
        ConsentRecord signed = consent(contributor, scene.project().id(), 1, at(1));
        write(r -> r.consents().insert(signed, Optional.of(name)));

        assertThat(list(r -> r.wrappedKeys().signerNamesUnder(kek, 10)))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.consent()).isEqualTo(signed.id());
                    assertThat(row.contributor()).isEqualTo(contributor);
                    assertThat(row.name()).isEqualTo(name);
                });
        int forgotten = tx(r -> r.consents().forgetSignerNames(contributor));
        assertThat(forgotten).isEqualTo(1);
        assertThat(list(r -> r.wrappedKeys().signerNamesUnder(kek, 10))).isEmpty();
        assertThat(list(r -> r.consents().byContributor(contributor))).containsExactly(signed);
        int again = tx(r -> r.consents().forgetSignerNames(contributor));
        assertThat(again).isZero();
    }

    @Test
    void contributorsByState_countsEachConsentingContributorOnce_byTheirStateNow() {
        Scene scene = scene();
        ProjectId project = scene.project().id();
        Pseudonym twice = scene.contributor().pseudonym();
        Pseudonym erased = newContributor();
        Pseudonym elsewhere = newContributor();
        ProjectId otherProject = scene().project().id();
        write(r -> {
            r.consents().insert(consent(twice, project, 1, at(1)), Optional.empty());
            r.consents().insert(consent(twice, project, 2, at(2)), Optional.empty());
            r.consents().insert(consent(erased, project, 1, at(3)), Optional.empty());
            r.contributors().erase(erased, at(4));
            r.consents().insert(consent(elsewhere, otherProject, 1, at(5)), Optional.empty());
        });

        Map<ContributorState, Long> counts = tx(r -> r.consents().contributorsByState(project));
        ProjectId withoutConsents = scene().project().id();
        Map<ContributorState, Long> none = tx(r -> r.consents().contributorsByState(withoutConsents));

        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(ContributorState.ACTIVE, 1L, ContributorState.ERASED, 1L));
        assertThat(none).isEmpty();
    }
}
