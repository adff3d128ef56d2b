package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.ClientAddress;
import dev.custody.access.Principal;
import dev.custody.access.Username;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.consent.ConsentAct;
import dev.custody.contributor.Identity;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code custody verify receipt} checks consent receipts offline, with only the receipt and the keys. */
class ConsentReceiptVerifyIT {
    @TempDir
    Path temp;

    @Test
    void aConsentReceipt_verifiesOffline_andAForgedOneIsRefused() throws Exception {
        Path receipt = temp.resolve("consent.receipt");
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
                            admin, org.id(), ProjectPlans.readAloud("Read", List.of("One."), 1, Duration.ofDays(30)));
            var signedUp = services.signUp()
                    .signUp(
                            new Username("gil"),
                            "a long walk by the river",
                            new Identity("Gil", "gil@example.org"),
                            new ClientAddress("127.0.0.1"));
            var gil = signedUp.account().principal(Principal.newRequestId()).speakingFor(signedUp.pseudonym());
            var terms = services.consent().currentTerms(gil, project.id());
            var signed = services.consent()
                    .consent(gil, new ConsentAct(project.id(), terms.version(), terms.sha256(), "Gil Example", true));
            Files.writeString(receipt, signed.toText());
            Files.writeString(keys, services.ledger().keys().toText());
        }

        var verified = verify(receipt, keys);
        Path forged = temp.resolve("forged.receipt");
        Files.writeString(forged, Files.readString(receipt).replace("terms-version 1", "terms-version 2"));
        var refused = verify(forged, keys);

        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Consent receipt verified", "version 1 of the terms");
        assertThat(refused.status()).isEqualTo(ExitCodes.of(dev.custody.ErrorCode.INTEGRITY_FAILURE));
        assertThat(refused.output()).contains("the receipt's signature does not verify");
    }

    private record Run(int status, String output) {}

    private static Run verify(Path receipt, Path keys) {
        var out = new StringWriter();
        int status = new CommandLine(new Main())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(out))
                .setExecutionExceptionHandler(new ErrorReporter())
                .execute("verify", "receipt", receipt.toString(), "--keys", keys.toString());
        return new Run(status, out.toString());
    }
}
