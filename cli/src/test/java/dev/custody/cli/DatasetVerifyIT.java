package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.consent.PaperConsent;
import dev.custody.contributor.Identity;
import dev.custody.delivery.ClipDeliverySource;
import dev.custody.delivery.DatasetDescription;
import dev.custody.delivery.DeliveryProgress;
import dev.custody.delivery.HmacDeliveryKeys;
import dev.custody.keys.SecretBytes;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A delivery of clips ingested for real, its ingest entries proven against the installation's own
 * ledger, checked by {@code custody verify dataset} with nothing but the folder and the published
 * keys; a changed byte is named.
 */
class DatasetVerifyIT {
    @TempDir
    Path temp;

    @Test
    void aDelivery_verifiesOffline_andAChangedByteIsNamed() throws Exception {
        Path delivery = temp.resolve("delivery");
        Path keys = temp.resolve("keys.txt");
        try (var installation = EmbeddedInstallation.open(
                temp.resolve("data"),
                Map.of("CUSTODY_PASSPHRASE", "a passphrase for this test only"),
                TestArgon2.parameters(),
                Clock.systemUTC())) {
            var services = installation.custody().services();
            var admin = Principal.bootstrapAdmin();
            var org = services.projects().createOrganization(admin, "Acme");
            var project = services.projects()
                    .createProject(
                            admin,
                            org.id(),
                            ProjectPlans.readAloud("Read", List.of("One.", "Two."), 1, Duration.ofDays(30)));
            var contributor = services.contributors().register(admin, new Identity("Gil", "gil@example.org"));
            services.consent()
                    .recordPaperConsent(
                            admin,
                            contributor.pseudonym(),
                            new PaperConsent(
                                    project.id(),
                                    1,
                                    services.consent()
                                            .currentTerms(admin, project.id())
                                            .sha256(),
                                    Sha256.of("scanned consent form"),
                                    "Wendy Witness"));
            List<ClipId> clips = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                byte[] wav = WavEncoder.encode(
                        SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, i), 16_000, 1, SampleEncoding.PCM_16);
                var request = new IngestRequest(project.id(), contributor.pseudonym(), i % 2);
                clips.add(services.ingest()
                        .ingest(admin, request, new ByteArrayInputStream(wav))
                        .clip()
                        .id());
            }
            var source = new ClipDeliverySource(
                    installation.custody().metadataStore(),
                    services.custodian(),
                    admin,
                    "quality-check",
                    new DatasetDescription(
                            "Read", "Read prompts.", "Acme", "urn:test", List.of("asr-training"), List.of(), "none"),
                    clips);
            var grantKeys = HmacDeliveryKeys.of("grant-1", SecretBytes.copyOf(new byte[32]));
            installation.custody().deliveryWriter(200_000, 4).write(source, grantKeys, delivery, DeliveryProgress.NONE);
            Files.writeString(keys, services.ledger().keys().toText());
        }

        var verified = verify(delivery, keys);
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Dataset verified: 6 samples in 2 shards");

        Path shard = delivery.resolve("shard-000001.tar");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 1;
        Files.write(shard, bytes);
        var refused = verify(delivery, keys);
        assertThat(refused.status()).isEqualTo(ExitCodes.of(ErrorCode.INTEGRITY_FAILURE));
        assertThat(refused.output()).contains("shard shard-000001.tar does not match its SHA-256");
    }

    private record Run(int status, String output) {}

    private static Run verify(Path folder, Path keys) {
        var out = new StringWriter();
        int status = new CommandLine(new Main())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(out))
                .setExecutionExceptionHandler(new ErrorReporter())
                .execute("verify", "dataset", folder.toString(), "--keys", keys.toString());
        return new Run(status, out.toString());
    }
}
