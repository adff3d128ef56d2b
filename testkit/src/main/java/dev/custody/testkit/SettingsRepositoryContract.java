package dev.custody.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.blob.BlobId;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.SettingsRepository}. Run through {@link RepositoryContract}. */
public abstract class SettingsRepositoryContract extends RepositoryContractSupport {
    @Test
    void get_unknownKey_isEmpty() {
        assertThat(find(r -> r.settings().get("no such key " + BlobId.random())))
                .isEmpty();
    }

    @Test
    void put_overwritesThePreviousValue() {
        String key = "bootstrap-token-hash " + BlobId.random();
        write(r -> r.settings().put(key, "first"));
        write(r -> r.settings().put(key, "second"));

        assertThat(find(r -> r.settings().get(key))).contains("second");
    }

    @Test
    void keysAndValues_areStoredVerbatim() {
        String suffix = " " + BlobId.random();
        write(r -> AWKWARD.forEach(text -> r.settings().put(text + suffix, text)));

        for (String text : AWKWARD) {
            assertThat(find(r -> r.settings().get(text + suffix))).contains(text);
        }
    }
}
