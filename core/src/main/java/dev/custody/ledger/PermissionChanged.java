package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;

/**
 * A role was granted or revoked; {@code scopeId} is what it applies to: an organization, a project
 * or the platform.
 */
public record PermissionChanged(String principalId, ActorRole role, PermissionChange change, String scopeId)
        implements LedgerEvent {
    public PermissionChanged {
        LedgerText.require(principalId, "principalId");
        requireNonNull(role, "role is null");
        requireNonNull(change, "change is null");
        LedgerText.require(scopeId, "scopeId");
    }

    @Override
    public Action action() {
        return Action.PERMISSION_CHANGED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(new Subject(SubjectKind.PRINCIPAL, principalId));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(principalId)
                .text(role.name())
                .text(change.name())
                .text(scopeId)
                .build();
    }
}
