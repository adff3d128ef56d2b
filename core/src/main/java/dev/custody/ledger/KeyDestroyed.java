package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.keys.KeyPurpose;
import java.util.List;

/** A key version was destroyed. */
public record KeyDestroyed(String keyId, KeyPurpose purpose, long version) implements LedgerEvent {
    public KeyDestroyed {
        LedgerText.require(keyId, "keyId");
        requireNonNull(purpose, "purpose is null");
    }

    @Override
    public Action action() {
        return Action.KEY_DESTROYED;
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
                .number(version)
                .build();
    }
}
