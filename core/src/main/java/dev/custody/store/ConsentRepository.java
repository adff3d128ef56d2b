package dev.custody.store;

import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.Map;
import java.util.Optional;

public interface ConsentRepository {
    void insert(ConsentRecord consent);

    /** The most recent consent of this contributor for this project. */
    Optional<ConsentRecord> latest(Pseudonym contributor, ProjectId project);

    /**
     * How many distinct contributors ever consented to the project, by their state now; states
     * without any are absent.
     */
    Map<ContributorState, Long> contributorsByState(ProjectId project);
}
