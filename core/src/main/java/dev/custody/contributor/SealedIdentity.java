package dev.custody.contributor;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.keys.KekId;

/**
 * Identity fields, each encrypted under the identity KEK with the pseudonym and field name bound as
 * associated data, so a field cannot be moved to another person or another column.
 */
public record SealedIdentity(KekId kek, Bytes name, Bytes email) {
    public SealedIdentity {
        requireNonNull(kek, "kek is null");
        requireNonNull(name, "name is null");
        requireNonNull(email, "email is null");
    }
}
