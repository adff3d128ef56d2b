package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.organization;
import static dev.custody.testkit.RepositoryRecords.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.project.Organization;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.ProjectSummary;
import dev.custody.project.PromptTerms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.ProjectRepository}: every field, prompts in order. Run through {@link RepositoryContract}. */
public abstract class ProjectRepositoryContract extends RepositoryContractSupport {
    @Test
    void byOrganization_listsItsProjectsOnly_withoutTheirPrompts() {
        Scene scene = scene();
        Project second = project(scene.organization().id(), List.of("another"));
        write(r -> r.projects().insert(second));
        scene();

        assertThat(list(r -> r.projects().byOrganization(scene.organization().id())))
                .extracting(ProjectSummary::id)
                .containsExactlyInAnyOrder(scene.project().id(), second.id());
        assertThat(list(r -> r.projects().byOrganization(scene.organization().id())))
                .first()
                .satisfies(p -> assertThat(p.consentTermsVersion())
                        .isEqualTo(scene.project().consentTermsVersion()));
    }

    @Test
    void insert_thenFind_returnsEveryFieldWithPromptsInOrder() {
        Scene scene = scene();

        Project found = tx(r -> r.projects().find(scene.project().id())).orElseThrow();

        assertThat(found).isEqualTo(scene.project());
        assertThat(found.prompts()).containsExactly("first", "second", "third");
        assertThat(found.limits()).isEqualTo(RepositoryRecords.LIMITS);
    }

    @Test
    void prompts_areStoredVerbatimAndInOrder() {
        Organization organization = organization("Acme Voice");
        Project project = project(organization.id(), AWKWARD.reversed());
        write(r -> {
            r.organizations().insert(organization);
            r.projects().insert(project);
        });

        assertThat(find(r -> r.projects().find(project.id())).orElseThrow().prompts())
                .containsExactlyElementsOf(AWKWARD.reversed());
    }

    @Test
    void owner_isTheProjectsOrganization_andEmptyForAnUnknownProject() {
        Scene scene = scene();

        assertThat(find(r -> r.projects().owner(scene.project().id())))
                .contains(scene.organization().id());
        assertThat(find(r -> r.projects().owner(ProjectId.random()))).isEmpty();
    }

    @Test
    void promptTerms_carryThatPromptTheTermsVersionAndTheLimits_andNoTextForAPromptBeyondTheLast() {
        Scene scene = scene();
        ProjectId id = scene.project().id();

        PromptTerms second = find(r -> r.projects().promptTerms(id, 1)).orElseThrow();
        PromptTerms beyond = find(r -> r.projects().promptTerms(id, 3)).orElseThrow();

        assertThat(second)
                .isEqualTo(new PromptTerms(
                        Optional.of("second"), scene.project().consentTermsVersion(), RepositoryRecords.LIMITS));
        assertThat(beyond.prompt()).isEmpty();
        assertThat(find(r -> r.projects().promptTerms(id, -1)).orElseThrow().prompt())
                .isEmpty();
        assertThat(find(r -> r.projects().promptTerms(ProjectId.random(), 0))).isEmpty();
    }

    @Test
    void consentTermsVersion_followsItsUpdates_andIsEmptyForAnUnknownProject() {
        Scene scene = scene();
        ProjectId id = scene.project().id();
        int current = scene.project().consentTermsVersion();

        assertThat(find(r -> r.projects().consentTermsVersion(id))).contains(current);
        write(r -> r.projects().updateConsentTermsVersion(id, current, current + 1));
        assertThat(find(r -> r.projects().consentTermsVersion(id))).contains(current + 1);
        assertThat(find(r -> r.projects().consentTermsVersion(ProjectId.random())))
                .isEmpty();
    }

    @Test
    void commission_isTheProjectsCommission_andEmptyForAnUnknownProject() {
        Scene scene = scene();

        assertThat(find(r -> r.projects().commission(scene.project().id())))
                .contains(scene.project().commission());
        assertThat(find(r -> r.projects().commission(ProjectId.random()))).isEmpty();
    }

    @Test
    void prompts_returnsTheAskedPromptsByIndex_leavingOutThoseTheProjectLacks() {
        Scene scene = scene();
        ProjectId id = scene.project().id();

        Map<Integer, String> found = tx(r -> r.projects().prompts(id, Set.of(0, 2, 7)));

        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of(0, "first", 2, "third"));
        Map<Integer, String> noneAsked = tx(r -> r.projects().prompts(id, Set.of()));
        Map<Integer, String> noProject = tx(r -> r.projects().prompts(ProjectId.random(), Set.of(0)));
        assertThat(noneAsked).isEmpty();
        assertThat(noProject).isEmpty();
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(find(r -> r.projects().find(ProjectId.random()))).isEmpty();
    }

    @Test
    void insert_duplicateId_failsWithConflict() {
        Scene scene = scene();

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.projects().insert(scene.project())));
    }

    @Test
    void updateConsentTermsVersion_movesItOnlyFromTheExpectedVersion() {
        Scene scene = scene();
        ProjectId id = scene.project().id();
        int current = scene.project().consentTermsVersion();

        assertThat(check(r -> r.projects().updateConsentTermsVersion(id, current, current + 1)))
                .isTrue();
        assertThat(check(r -> r.projects().updateConsentTermsVersion(id, current, current + 2)))
                .isFalse();
        assertThat(check(r -> r.projects().updateConsentTermsVersion(ProjectId.random(), 1, 2)))
                .isFalse();
        assertThat(find(r -> r.projects().find(id)).orElseThrow().consentTermsVersion())
                .isEqualTo(current + 1);
    }

    @Test
    void insert_forUnknownOrganization_failsWithNotFound() {
        Project orphan = project(organization("Nobody").id(), List.of("a"));

        assertFailsWith(ErrorCode.NOT_FOUND, () -> write(r -> r.projects().insert(orphan)));
        assertThat(find(r -> r.projects().find(orphan.id()))).isEmpty();
    }
}
