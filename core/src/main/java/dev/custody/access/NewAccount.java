package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.project.OrganizationId;
import java.util.Optional;

/** What an account is created with. The password is checked by {@link PasswordPolicy}, never stored. */
public record NewAccount(Username username, String password, Role role, Optional<OrganizationId> organization) {
    public NewAccount {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(role, "role is null");
        requireNonNull(organization, "organization is null");
    }

    @Override
    public String toString() {
        return "NewAccount[" + username + ", " + role + "]";
    }
}
