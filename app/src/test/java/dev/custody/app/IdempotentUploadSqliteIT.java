package dev.custody.app;

import dev.custody.testkit.MutableClock;
import dev.custody.testkit.TestArgon2;
import java.nio.file.Path;
import java.util.Map;

/** {@link IdempotentUploadContract} on the embedded default: SQLite, a blob folder, the local keyring. */
class IdempotentUploadSqliteIT extends IdempotentUploadContract {
    @Override
    Installation open(Path folder, MutableClock clock) {
        return EmbeddedInstallation.open(
                folder.resolve("data"),
                Map.of("CUSTODY_PASSPHRASE", SpineFixture.PASSPHRASE),
                TestArgon2.parameters(),
                clock);
    }
}
