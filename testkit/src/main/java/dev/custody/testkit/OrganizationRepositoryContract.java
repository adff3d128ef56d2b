package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.organization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.project.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract of {@link dev.custody.store.OrganizationRepository}. Run through {@link RepositoryContract}. */
public abstract class OrganizationRepositoryContract extends RepositoryContractSupport {
    @Test
    void insert_thenFind_returnsEveryField() {
        Organization organization = organization("Acme Voice");
        write(r -> r.organizations().insert(organization));

        assertThat(find(r -> r.organizations().find(organization.id()))).contains(organization);
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(find(r -> r.organizations().find(organization("x").id()))).isEmpty();
    }

    @Test
    void insert_duplicateId_failsWithConflictAndKeepsTheFirst() {
        Organization first = organization("First");
        Organization second = new Organization(first.id(), "Second", at(5));
        write(r -> r.organizations().insert(first));

        assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.organizations().insert(second)));
        assertThat(find(r -> r.organizations().find(first.id()))).contains(first);
    }

    @ParameterizedTest
    @MethodSource("dev.custody.testkit.RepositoryContractSupport#awkward")
    void name_isStoredVerbatim(String name) {
        Organization organization = organization(name);
        write(r -> r.organizations().insert(organization));

        assertThat(find(r -> r.organizations().find(organization.id())))
                .map(Organization::name)
                .contains(name);
    }
}
