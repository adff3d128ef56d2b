package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.activeContributor;
import static dev.custody.testkit.RepositoryRecords.organization;
import static dev.custody.testkit.RepositoryRecords.project;
import static dev.custody.testkit.RepositoryRecords.sealedIdentity;
import static dev.custody.testkit.RepositoryRecords.voiceKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.contributor.Contributor;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.Organization;
import dev.custody.project.Project;
import dev.custody.store.MetadataStore;
import dev.custody.store.MetadataStore.TransactionWork;
import dev.custody.store.Repositories;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the repository contracts share: the store under test, one-transaction shorthands typed so
 * that AssertJ picks the right assertions, and stored sample scenes.
 */
public abstract class RepositoryContractSupport {
    /** Strings that must come back exactly as given: path-like, SQL-like, placeholder-like, unicode. */
    protected static final List<String> AWKWARD = List.of(
            "../../etc/passwd", "'; DROP TABLE clips; --", "Zoë Ó Súilleabháin — 日本語 🎙", ":name ? $1 %_ \\ \" `");

    /** An organization, a project and an active contributor, stored. */
    protected record Scene(Organization organization, Project project, Contributor contributor) {}

    /** The store under test. */
    protected abstract MetadataStore store();

    protected static List<String> awkward() {
        return AWKWARD;
    }

    protected <T> T tx(TransactionWork<T> work) {
        return store().inTransaction(work);
    }

    protected <T> Optional<T> find(TransactionWork<Optional<T>> work) {
        return store().inTransaction(work);
    }

    protected <T> List<T> list(TransactionWork<List<T>> work) {
        return store().inTransaction(work);
    }

    protected boolean check(TransactionWork<Boolean> work) {
        return store().inTransaction(work);
    }

    protected void write(Consumer<Repositories> work) {
        store().useTransaction(repositories -> {
            work.accept(repositories);
        });
    }

    protected static void assertFailsWith(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    protected Scene scene() {
        Organization organization = organization("Acme Voice");
        Project project = project(organization.id(), List.of("first", "second", "third"));
        Contributor contributor = activeContributor();
        write(r -> {
            r.organizations().insert(organization);
            r.projects().insert(project);
            r.contributors().insert(contributor, sealedIdentity(), voiceKey());
        });
        return new Scene(organization, project, contributor);
    }

    protected Pseudonym newContributor() {
        Contributor contributor = activeContributor();
        write(r -> r.contributors().insert(contributor, sealedIdentity(), voiceKey()));
        return contributor.pseudonym();
    }
}
