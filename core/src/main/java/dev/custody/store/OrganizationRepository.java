package dev.custody.store;

import dev.custody.project.Organization;
import dev.custody.project.OrganizationId;
import java.util.Optional;

public interface OrganizationRepository {
    void insert(Organization organization);

    Optional<Organization> find(OrganizationId id);
}
