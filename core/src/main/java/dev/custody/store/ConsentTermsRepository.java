package dev.custody.store;

import dev.custody.consent.ConsentTerms;
import dev.custody.project.ProjectId;
import java.util.Optional;

/** Published consent terms documents, one per project and version, never changed once stored. */
public interface ConsentTermsRepository {
    /** Fails CONFLICT if the project already has this version, NOT_FOUND for an unknown project. */
    void insert(ConsentTerms terms);

    /**
     * The document of that version; fails INTEGRITY_FAILURE if the stored document no longer reads
     * back or no longer has the hash it was stored with.
     */
    Optional<ConsentTerms> find(ProjectId project, int version);
}
