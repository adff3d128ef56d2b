package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.keys.KeyPurpose;
import java.util.List;

/** A key was created; {@code keyId} names it (a KEK URI or a signing key id), never its material. */
public record KeyCreated(String keyId, KeyPurpose purpose, long version) implements LedgerEvent {
    public KeyCreated {
        LedgerText.require(keyId, "keyId");
        requireNonNull(purpose, "purpose is null");
    }

    @Override
    public Action action() {
        return Action.KEY_CREATED;
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
