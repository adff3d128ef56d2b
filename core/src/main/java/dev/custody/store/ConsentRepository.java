package dev.custody.store;

import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.List;
import java.util.Optional;

public interface ConsentRepository {
    void insert(ConsentRecord consent);

    /** The most recent consent of this contributor for this project. */
    Optional<ConsentRecord> latest(Pseudonym contributor, ProjectId project);

    /** Every consent the contributor gave, oldest first. */
    List<ConsentRecord> byContributor(Pseudonym contributor);
}
