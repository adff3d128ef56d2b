package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.consent;
import static dev.custody.testkit.RepositoryRecords.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.Map;
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
            r.consents().insert(consent(contributor, project, 1, at(100)));
            r.consents().insert(newest);
            r.consents().insert(consent(contributor, project, 2, at(200)));
        });

        assertThat(find(r -> r.consents().latest(contributor, project))).contains(newest);
    }

    @Test
    void latest_withoutConsentForThatProject_isEmpty() {
        Scene scene = scene();
        Pseudonym other = newContributor();
        write(r -> r.consents().insert(consent(other, scene.project().id(), 1, at(1))));

        assertThat(find(r -> r.consents()
                        .latest(scene.contributor().pseudonym(), scene.project().id())))
                .isEmpty();
    }

    @Test
    void insert_duplicateId_failsWithConflict() {
        Scene scene = scene();
        ConsentRecord consent =
                consent(scene.contributor().pseudonym(), scene.project().id(), 1, at(1));
        write(r -> r.consents().insert(consent));

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.consents().insert(consent)));
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
            r.consents().insert(consent(twice, project, 1, at(1)));
            r.consents().insert(consent(twice, project, 2, at(2)));
            r.consents().insert(consent(erased, project, 1, at(3)));
            r.contributors().erase(erased, at(4));
            r.consents().insert(consent(elsewhere, otherProject, 1, at(5)));
        });

        Map<ContributorState, Long> counts = tx(r -> r.consents().contributorsByState(project));
        ProjectId withoutConsents = scene().project().id();
        Map<ContributorState, Long> none = tx(r -> r.consents().contributorsByState(withoutConsents));

        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(ContributorState.ACTIVE, 1L, ContributorState.ERASED, 1L));
        assertThat(none).isEmpty();
    }
}
