package dev.custody.app;

import dev.custody.keys.Argon2Parameters;
import dev.custody.testkit.MutableClock;
import java.nio.file.Path;
import java.util.Map;

/** {@link IdempotentUploadContract} on the embedded default: SQLite, a blob folder, the local keyring. */
class IdempotentUploadSqliteIT extends IdempotentUploadContract {
    @Override
    Installation open(Path folder, MutableClock clock) {
        return EmbeddedInstallation.open(
                folder.resolve("data"),
                Map.of("CUSTODY_PASSPHRASE", SpineFixture.PASSPHRASE),
                Argon2Parameters.forTests(),
                clock);
    }
}
