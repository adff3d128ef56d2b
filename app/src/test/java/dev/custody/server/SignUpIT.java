package dev.custody.server;

import static dev.custody.server.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.access.AccountId;
import dev.custody.access.ClientAddress;
import dev.custody.access.SignUpThrottle;
import dev.custody.access.Username;
import dev.custody.contributor.Identity;
import dev.custody.ledger.Action;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.ledger.PrincipalSuspended;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SuspensionCause;
import dev.custody.store.MetadataStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contributors sign up themselves; their account is linked to their pseudonym, sealed. */
class SignUpIT {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void signUp_thenSignIn_actsAsTheNewPseudonym_andTheLedgerNeverNamesTheAccount() throws Exception {
        long before = ledgerSize();

        var signedUp = signUp("robin", "a long walk by the river", "Robin Example", "robin@example.org");

        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(201);
        String account = json(signedUp).get("account").asText();
        String pseudonym = json(signedUp).get("pseudonym").asText();
        assertThat(pseudonym).startsWith("ctb_");
        var signIn = fixture.signIn("robin", "a long walk by the river", null);
        String token = json(signIn).get("token").asText();
        var me = json(fixture.send("GET", "/api/v1/me", token, null));
        assertThat(me.get("role").asText()).isEqualTo("contributor");
        assertThat(me.get("pseudonym").asText()).isEqualTo(pseudonym);

        List<LedgerEntry> added = metadata()
                .inTransaction(r -> r.ledger().entries(before, r.ledger().size()));
        assertThat(added).hasSize(1);
        assertThat(added.getFirst().action()).isEqualTo(Action.ACCOUNT_CHANGED);
        assertThat(added.getFirst().actor().id()).isEqualTo(pseudonym);
        assertThat(added.getFirst().toString()).doesNotContain(account);
        var link = metadata().inTransaction(r -> r.accounts().contributorLink(new AccountId(account)));
        assertThat(link).isPresent();
        assertThat(new String(link.get().ciphertext().toArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(pseudonym);
    }

    @Test
    void aContributorsTokenPresentedAfterItsRevocation_isLoggedUnderThePseudonym_neverTheAccount() throws Exception {
        var signedUp = signUp("robin", "a long walk by the river", "Robin Example", "robin@example.org");
        String account = json(signedUp).get("account").asText();
        String pseudonym = json(signedUp).get("pseudonym").asText();
        var signIn = json(fixture.signIn("robin", "a long walk by the river", null));
        String token = signIn.get("token").asText();
        String tokenId = signIn.get("details").get("id").asText();
        long before = ledgerSize();

        assertThat(fixture.send("DELETE", "/api/v1/tokens/" + tokenId, token, null)
                        .statusCode())
                .isEqualTo(204);
        assertError(fixture.send("GET", "/api/v1/me", token, null), 401, "UNAUTHENTICATED");

        List<LedgerEntry> added = metadata()
                .inTransaction(r -> r.ledger().entries(before, r.ledger().size()));
        assertThat(added).allSatisfy(entry -> {
            assertThat(entry.actor().id()).isNotEqualTo(account);
            assertThat(entry.subjects()).extracting(Subject::id).doesNotContain(account);
        });
        assertThat(added)
                .filteredOn(entry -> entry.records(
                        new PermissionChanged(pseudonym, ActorRole.CONTRIBUTOR, PermissionChange.DENIED, tokenId)))
                .hasSize(1);
    }

    @Test
    void badSignUps_areRefused_andLeaveNothingBehind() throws Exception {
        assertThat(signUp("robin", "a long walk by the river", "Robin", "robin@example.org")
                        .statusCode())
                .isEqualTo(201);
        long before = ledgerSize();

        assertError(signUp("robin", "another long sentence here", "Robin Two", "r2@example.org"), 409, "CONFLICT");
        assertError(signUp("sam", "password", "Sam", "sam@example.org"), 422, "INVALID_INPUT");
        assertError(signUp("sam", "a long walk by the river", "Sam", "not an address"), 422, "INVALID_INPUT");
        assertError(
                signUp("sam", "a long walk by the river", "x".repeat(10_000), "sam@example.org"), 422, "INVALID_INPUT");
        assertError(fixture.send("POST", "/api/v1/sign-up", null, "{\"username\":"), 422, "INVALID_INPUT");

        assertThat(ledgerSize()).isEqualTo(before);
        assertThat(fixture.signIn("sam", "a long walk by the river", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void manySignUpsFromOneAddress_areRefusedUntilItsWindowEnds_loggedOnce_andCreateNothing() throws Exception {
        long before = ledgerSize();
        for (int i = 0; i < SignUpThrottle.MAX_SIGN_UPS_PER_ADDRESS; i++) {
            assertThat(signUp("robin-" + i, "a long walk by the river", "Robin", "robin@example.org")
                            .statusCode())
                    .isEqualTo(201);
        }
        long throttled = ledgerSize();

        var refused = signUp("one-too-many", "a long walk by the river", "Robin", "robin@example.org");

        assertError(refused, 429, "RATE_LIMITED");
        assertThat(refused.headers().firstValue("Retry-After"))
                .contains(Long.toString(SignUpThrottle.WINDOW.toSeconds()));
        assertThat(fixture.signIn("one-too-many", "a long walk by the river", null)
                        .statusCode())
                .isEqualTo(401);
        List<LedgerEntry> logged = metadata()
                .inTransaction(r -> r.ledger().entries(before, r.ledger().size()));
        var suspended = new PrincipalSuspended(new ClientAddress("127.0.0.1").ledgerId(), SuspensionCause.SIGN_UPS);
        assertThat(logged).filteredOn(entry -> entry.records(suspended)).hasSize(1);
        assertThat(ledgerSize()).isEqualTo(throttled);
        // Another address is not held back by this one.
        fixture.services
                .signUp()
                .signUp(
                        new Username("from-elsewhere"),
                        "a long walk by the river",
                        new Identity("Elsewhere", "elsewhere@example.org"),
                        new ClientAddress("127.0.0.2"));

        fixture.clock.advance(SignUpThrottle.WINDOW);
        var again = signUp("one-too-many", "a long walk by the river", "Robin", "robin@example.org");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    }

    @Test
    void operators_cannotMakeContributorAccounts_withoutAPseudonym() throws Exception {
        var body = JSON.createObjectNode()
                .put("username", "ghost")
                .put("password", "a long walk by the river")
                .put("role", "contributor");

        var response = fixture.send("POST", "/api/v1/accounts", fixture.bootstrapToken, body.toString());

        assertError(response, 422, "INVALID_INPUT");
    }

    private HttpResponse<String> signUp(String username, String password, String name, String email) throws Exception {
        var body = JSON.createObjectNode()
                .put("username", username)
                .put("password", password)
                .put("name", name)
                .put("email", email);
        return fixture.send("POST", "/api/v1/sign-up", null, body.toString());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(json(response).get("code").asText()).isEqualTo(code);
        }
    }

    private long ledgerSize() {
        return metadata().inTransaction(r -> r.ledger().size());
    }

    private MetadataStore metadata() {
        return fixture.installation.custody().metadataStore();
    }
}
