package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;

/**
 * A setting changed; the values may be secret or personal, so only their SHA-256 hashes are
 * logged.
 */
public record ConfigurationChanged(String settingKey, Bytes oldValueHash, Bytes newValueHash) implements LedgerEvent {
    public ConfigurationChanged {
        LedgerText.require(settingKey, "settingKey");
        requireNonNull(oldValueHash, "oldValueHash is null");
        requireNonNull(newValueHash, "newValueHash is null");
    }

    @Override
    public Action action() {
        return Action.CONFIGURATION_CHANGED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(new Subject(SubjectKind.SETTING, settingKey));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(settingKey)
                .hash(oldValueHash)
                .hash(newValueHash)
                .build();
    }
}
