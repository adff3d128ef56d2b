package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.access.Principal;
import dev.custody.ledger.ConsentTermsPublished;
import dev.custody.project.Project;
import dev.custody.store.Repositories;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores a terms document and logs its publication ({@code ConsentTermsPublished}, with its hash),
 * inside the caller's transaction.
 */
public final class TermsPublication {
    private TermsPublication() {}

    /**
     * Publishes the terms a new project starts with, as the version it requires: the creator's draft,
     * or else {@link StandardTerms} derived from the project and its organization's name.
     */
    public static ConsentTerms initial(
            Repositories repositories,
            Project project,
            String organizationName,
            Optional<TermsDraft> draft,
            Principal caller,
            Instant now) {
        requireNonNull(draft, "draft is null");
        var terms = ConsentTerms.of(
                project,
                project.consentTermsVersion(),
                draft.orElseGet(() -> StandardTerms.of(project, organizationName)),
                now);
        store(repositories, terms, caller, now);
        return terms;
    }

    static void store(Repositories repositories, ConsentTerms terms, Principal caller, Instant now) {
        repositories.consentTerms().insert(terms);
        repositories
                .ledger()
                .append(
                        new ConsentTermsPublished(terms.project(), terms.version(), terms.sha256()),
                        caller.actor(),
                        "administration",
                        caller.requestId(),
                        now);
    }
}
