package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.consent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
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
    void byContributor_listsEveryConsentOfThatContributor_oldestFirst_andNoOneElses() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Pseudonym other = newContributor();
        ProjectId project = scene.project().id();
        ConsentRecord first = consent(contributor, project, 1, at(100));
        ConsentRecord second = consent(contributor, project, 2, at(200));
        write(r -> {
            r.consents().insert(second);
            r.consents().insert(first);
            r.consents().insert(consent(other, project, 1, at(150)));
        });

        assertThat(list(r -> r.consents().byContributor(contributor))).containsExactly(first, second);
        assertThat(list(r -> r.consents().byContributor(Pseudonym.random()))).isEmpty();
    }

    @Test
    void insert_duplicateId_failsWithConflict() {
        Scene scene = scene();
        ConsentRecord consent =
                consent(scene.contributor().pseudonym(), scene.project().id(), 1, at(1));
        write(r -> r.consents().insert(consent));

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.consents().insert(consent)));
    }
}
