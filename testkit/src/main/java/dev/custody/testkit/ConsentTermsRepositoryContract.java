package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.organization;
import static dev.custody.testkit.RepositoryRecords.project;
import static dev.custody.testkit.RepositoryRecords.terms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.consent.ConsentTerms;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.ConsentTermsRepository}. Run through {@link RepositoryContract}. */
public abstract class ConsentTermsRepositoryContract extends RepositoryContractSupport {
    @Test
    void insert_thenFind_returnsTheSameDocumentWithTheSameHash_perVersion() {
        Scene scene = scene();
        ConsentTerms first = terms(scene.project(), 1);
        ConsentTerms second = terms(scene.project(), 2);
        write(r -> {
            r.consentTerms().insert(first);
            r.consentTerms().insert(second);
        });

        ConsentTerms found =
                find(r -> r.consentTerms().find(scene.project().id(), 1)).orElseThrow();

        assertThat(found).isEqualTo(first);
        assertThat(found.sha256()).isEqualTo(first.sha256());
        assertThat(find(r -> r.consentTerms().find(scene.project().id(), 2))).contains(second);
        assertThat(find(r -> r.consentTerms().find(scene.project().id(), 3))).isEmpty();
    }

    @Test
    void insert_ofAVersionTheProjectHas_failsWithConflict_andKeepsTheFirst() {
        Scene scene = scene();
        ConsentTerms first = terms(scene.project(), 1);
        write(r -> r.consentTerms().insert(first));

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.consentTerms().insert(terms(scene.project(), 1))));
        assertThat(find(r -> r.consentTerms().find(scene.project().id(), 1))).contains(first);
    }

    @Test
    void insert_forAnUnknownProject_failsWithNotFound() {
        Project unknown = project(organization("Nobody").id(), List.of("a"));

        assertFailsWith(ErrorCode.NOT_FOUND, () -> write(r -> r.consentTerms().insert(terms(unknown, 1))));
        assertThat(find(r -> r.consentTerms().find(unknown.id(), 1))).isEmpty();
    }

    @Test
    void find_unknownProject_isEmpty() {
        assertThat(find(r -> r.consentTerms().find(ProjectId.random(), 1))).isEmpty();
    }
}
