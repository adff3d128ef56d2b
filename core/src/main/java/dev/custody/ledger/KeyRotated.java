package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.keys.KeyPurpose;
import java.util.List;

/** A key was rotated to a new version. */
public record KeyRotated(String keyId, KeyPurpose purpose, long fromVersion, long toVersion) implements LedgerEvent {
    public KeyRotated {
        LedgerText.require(keyId, "keyId");
        requireNonNull(purpose, "purpose is null");
    }

    @Override
    public Action action() {
        return Action.KEY_ROTATED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(new Subject(SubjectKind.KEY, keyId));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(keyId)
                .text(purpose.name())
                .number(fromVersion)
                .number(toVersion)
                .build();
    }
}
