package dev.custody.server;

import static dev.custody.server.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.FirstStart;
import dev.custody.app.Custody;
import dev.custody.app.CustodyConfig;
import dev.custody.app.DataFolder;
import dev.custody.keys.LocalKeyring;
import dev.custody.keys.SecretBytes;
import dev.custody.store.JobLock;
import dev.custody.testkit.TestArgon2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start makes an operator account; the operator retires the bootstrap token. */
class FirstStartIT {
    @TempDir
    Path temp;

    AccessFixture fixture;

    @BeforeEach
    void start() {
        fixture = new AccessFixture(temp.resolve("data"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aNodeThatFindsTheFirstStartUnderWayElsewhere_makesNothing_andTheOneHoldingItMakesItOnce() {
        Path fresh = temp.resolve("fresh");
        SecretBytes passphrase =
                SecretBytes.copyOf("another passphrase for this test".getBytes(StandardCharsets.UTF_8));
        try (DataFolder folder = DataFolder.lock(fresh)) {
            LocalKeyring.create(folder.keyring(), passphrase, TestArgon2.parameters())
                    .close();
            try (Custody custody = Custody.open(CustodyConfig.embedded(folder), passphrase, Clock.systemUTC())) {
                var services = custody.services();
                JobLock heldByAnotherNode = (job, work) -> false;

                assertThat(FirstStart.runOnce(services.bootstrapToken(), services.accounts(), heldByAnotherNode))
                        .isEmpty();
                long logged =
                        custody.metadataStore().inTransaction(r -> r.ledger().size());
                assertThat(logged).isZero();
                assertThat(services.bootstrapToken().wasIssued()).isFalse();

                var first = FirstStart.runOnce(services.bootstrapToken(), services.accounts(), custody.jobLock());
                assertThat(first).isPresent();
                assertThat(FirstStart.runOnce(services.bootstrapToken(), services.accounts(), custody.jobLock()))
                        .isEmpty();
            }
        }
    }

    @Test
    void theFirstOperator_signsInWithTotp_andRetiresTheBootstrapToken() throws Exception {
        FirstStart first = fixture.installation.firstStart().orElseThrow();
        assertThat(first.toString()).doesNotContain(first.operatorPassword(), first.bootstrapToken());

        var signIn = fixture.signIn(
                first.operator().value(), first.operatorPassword(), fixture.totp(first.totpEnrolment(), 0));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(201);
        String session = json(signIn).get("token").asText();
        assertThat(json(fixture.send("GET", "/api/v1/me", session, null))
                        .get("role")
                        .asText())
                .isEqualTo("operator");
        long before = fixture.ledgerSize();

        assertThat(fixture.send("DELETE", "/api/v1/bootstrap-token", session, null)
                        .statusCode())
                .isEqualTo(204);

        assertThat(fixture.send("GET", "/api/v1/me", fixture.bootstrapToken, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(fixture.ledgerSize()).isEqualTo(before + 1);
        assertThat(fixture.services.bootstrapToken().issueOnce()).isEmpty();
        assertThat(fixture.send("POST", "/api/v1/organizations", session, "{\"name\":\"Acme 2\"}")
                        .statusCode())
                .isEqualTo(201);
    }
}
