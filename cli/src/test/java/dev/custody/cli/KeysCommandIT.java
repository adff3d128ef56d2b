package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.testkit.CustodyProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandIT {
    @TempDir
    Path temp;

    @Test
    void keysCommands_rotateRewrapAndDestroy_refusingInsideTheBackupRetention() throws Exception {
        Path data = temp.resolve("data");
        var env = Map.of("CUSTODY_PASSPHRASE", "a passphrase for this test only");
        assertThat(run(env, "init", "--data", data.toString()).exitStatus()).isZero();

        var rotated = run(env, "keys", "rotate", "--kek", "voice", "--data", data.toString());
        var rewrapped = run(env, "keys", "rewrap", "--data", data.toString());
        var refused = run(env, "keys", "destroy", "--kek", "voice", "--version", "1", "--data", data.toString());
        var retention = run(env, "keys", "retention", "--days", "0", "--data", data.toString());
        var destroyed = run(env, "keys", "destroy", "--kek", "voice", "--version", "1", "--data", data.toString());
        var status = run(env, "keys", "status", "--data", data.toString());

        assertThat(rotated.exitStatus()).as(rotated.output()).isZero();
        assertThat(rotated.output()).contains("local://voice;v=2 is active");
        assertThat(rewrapped.output()).contains("Rewrap finished");
        assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(7);
        assertThat(refused.output()).contains("CONFLICT", "backup retention 30 days");
        assertThat(retention.exitStatus()).isZero();
        assertThat(destroyed.exitStatus()).as(destroyed.output()).isZero();
        assertThat(destroyed.output()).contains("Destroyed local://voice;v=1");
        assertThat(status.output())
                .contains("voice: active local://voice;v=2", "identity: active local://identity;v=1")
                .contains("backup retention: 0 days")
                .doesNotContain("local://voice;v=1");
    }

    private static CustodyProcess.Result run(Map<String, String> env, String... args) throws Exception {
        try (var process = CustodyProcess.start(env, args)) {
            return process.finish();
        }
    }
}
