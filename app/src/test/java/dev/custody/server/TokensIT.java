package dev.custody.server;

import static dev.custody.server.AccessFixture.json;
import static dev.custody.server.SignInIT.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.CreatedAccount;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API tokens and accounts over HTTP, and the ways they are abused. */
class TokensIT {
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
    void anApiToken_isShownOnce_listedWithoutItsSecret_andRecordsItsLastUse() throws Exception {
        String session = sessionOfNewAuditor();
        var issued = fixture.send("POST", "/api/v1/tokens", session, "{\"lifetimeDays\":30}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String secret = json(issued).get("token").asText();
        String id = json(issued).at("/details/id").asText();

        fixture.clock.advance(Duration.ofMinutes(5));
        assertThat(fixture.send("GET", "/api/v1/keys", secret, null).statusCode())
                .isEqualTo(200);
        var listed = fixture.send("GET", "/api/v1/tokens", session, null);

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret).doesNotContain(secret.substring(4));
        var entry = json(listed).findParents("id").stream()
                .filter(node -> node.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("kind").asText()).isEqualTo("api");
        assertThat(entry.get("lastUsedAt").asText())
                .isEqualTo(fixture.clock.instant().toString());
    }

    @Test
    void forgedAndMalformedTokens_are401_andNameNoOneInTheLedger() throws Exception {
        long before = fixture.ledgerSize();
        for (String forged : List.of(
                "cta_" + "A".repeat(43),
                "css_" + "B".repeat(43),
                "cst_" + "C".repeat(43),
                "csw_" + "D".repeat(43),
                "x".repeat(5000),
                "",
                "cta_")) {
            assertUnauthenticated(fixture.send("GET", "/api/v1/keys", forged, null));
            assertUnauthenticated(fixture.send("POST", "/api/v1/organizations", forged, "{\"name\":\"Forged\"}"));
        }
        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", null, null));

        assertThat(fixture.ledgerSize()).isEqualTo(before);
    }

    @Test
    void anExpiredApiToken_is401_andItsUseIsLogged() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        String session = sessionOf(auditor);
        var issued = json(fixture.send("POST", "/api/v1/tokens", session, "{\"lifetimeDays\":1}"));
        String token = issued.get("token").asText();
        assertThat(fixture.send("GET", "/api/v1/keys", token, null).statusCode())
                .isEqualTo(200);

        fixture.clock.advance(Duration.ofDays(1));
        long before = fixture.ledgerSize();

        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", token, null));
        assertRefusalLogged(before, auditor, issued.at("/details/id").asText());
    }

    @Test
    void aRevokedApiToken_is401_itsUseIsLogged_andItCannotBeRevokedByAnotherAccount() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        String owner = sessionOf(auditor);
        String other = sessionOfNewAuditor();
        var issued = fixture.send("POST", "/api/v1/tokens", owner, "{\"lifetimeDays\":7}");
        String token = json(issued).get("token").asText();
        String id = json(issued).at("/details/id").asText();

        assertThat(fixture.send("DELETE", "/api/v1/tokens/" + id, other, null).statusCode())
                .isEqualTo(404);
        assertThat(fixture.send("GET", "/api/v1/keys", token, null).statusCode())
                .isEqualTo(200);

        assertThat(fixture.send("DELETE", "/api/v1/tokens/" + id, owner, null).statusCode())
                .isEqualTo(204);
        long before = fixture.ledgerSize();
        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", token, null));
        assertRefusalLogged(before, auditor, id);
    }

    @Test
    void aTokenOfOrganizationB_onOrganizationAsIds_is403_exactlyAsForIdsThatDoNotExist_changesNothing_andIsLogged()
            throws Exception {
        String consumerB = fixture.apiToken(
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgB)).account());
        var adminB =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgB)).account();
        String adminBToken = fixture.apiToken(adminB);
        String project = "{\"name\":\"Hijack\",\"prompts\":[\"Hi.\"],\"consentTermsVersion\":1,\"retentionDays\":30}";
        long before = fixture.ledgerSize();

        var othersProject = fixture.send("GET", "/api/v1/projects/" + fixture.projectA.id(), consumerB, null);
        var noProject = fixture.send("GET", "/api/v1/projects/" + ProjectId.random(), consumerB, null);
        var othersClip = fixture.send("GET", "/api/v1/clips/" + fixture.clipA, adminBToken, null);
        var noClip = fixture.send("GET", "/api/v1/clips/" + ClipId.random(), adminBToken, null);
        var othersOrganization =
                fixture.send("POST", "/api/v1/organizations/" + fixture.orgA + "/projects", adminBToken, project);
        var noOrganization = fixture.send(
                "POST", "/api/v1/organizations/" + OrganizationId.random() + "/projects", adminBToken, project);

        List<HttpResponse<String>> refused =
                List.of(othersProject, noProject, othersClip, noClip, othersOrganization, noOrganization);
        for (var response : refused) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo(noProject.body());
        }
        // One denial each, and nothing else: no project was created (that would be logged too).
        assertThat(fixture.ledgerSince(before))
                .hasSize(refused.size())
                .allSatisfy(entry -> assertThat(entry.purpose()).isEqualTo("authorization"))
                .filteredOn(entry -> entry.records(new PermissionChanged(
                        adminB.id().value(),
                        ActorRole.CLIENT_ADMIN,
                        PermissionChange.DENIED,
                        "POST:/api/v1/organizations/{organization}/projects")))
                .hasSize(2);
        assertThat(fixture.send("GET", "/api/v1/projects/" + fixture.projectB.id(), consumerB, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aClientAdmin_createsConsumersOfItsOwnOrganizationOnly() throws Exception {
        var adminA =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA)).account();
        String body = "{\"username\":\"%s\",\"password\":\"violet kettle under the stairs\","
                + "\"role\":\"data-consumer\",\"organization\":\"%s\"}";

        var own = fixture.send(
                "POST", "/api/v1/accounts", fixture.apiToken(adminA), body.formatted("consumer-of-a", fixture.orgA));
        var other = fixture.send(
                "POST", "/api/v1/accounts", fixture.apiToken(adminA), body.formatted("consumer-of-b", fixture.orgB));
        var operator = fixture.send(
                "POST",
                "/api/v1/accounts",
                fixture.apiToken(adminA),
                "{\"username\":\"sneaky-operator\",\"password\":\"violet kettle under the stairs\",\"role\":\"operator\"}");

        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(json(own).get("organization").asText()).isEqualTo(fixture.orgA.value());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(fixture.signIn("consumer-of-b", "violet kettle under the stairs", null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void creatingAnAccountForATotpRole_returnsTheEnrolmentOnce() throws Exception {
        var created = fixture.send(
                "POST",
                "/api/v1/accounts",
                fixture.bootstrapToken,
                "{\"username\":\"rita.reviewer\",\"password\":\"violet kettle under the stairs\",\"role\":\"reviewer\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("totpEnrolment").asText())
                .startsWith("otpauth://totp/Custody:rita.reviewer?secret=");
    }

    @Test
    void badAccountAndTokenRequests_are422_andCreateNothing() throws Exception {
        String session = sessionOfNewAuditor();
        String account = "{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}";
        List<String> accounts = List.of(
                account.formatted("common-pw", "password1234", "auditor"),
                account.formatted("short-pw", "short", "auditor"),
                account.formatted("god-mode", "violet kettle under the stairs", "god"),
                account.formatted("bootstrap", "violet kettle under the stairs", "bootstrap-admin"),
                account.formatted("no-org", "violet kettle under the stairs", "data-consumer"),
                account.formatted("UPPER", "violet kettle under the stairs", "auditor"),
                account.formatted("x".repeat(300), "violet kettle under the stairs", "auditor"));
        for (String body : accounts) {
            var response = fixture.send("POST", "/api/v1/accounts", fixture.bootstrapToken, body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
        }
        for (String body :
                List.of("{\"lifetimeDays\":0}", "{\"lifetimeDays\":366}", "{}", "{\"lifetimeDays\":\"x\"}")) {
            assertThat(fixture.send("POST", "/api/v1/tokens", session, body).statusCode())
                    .as(body)
                    .isEqualTo(422);
        }

        assertThat(fixture.signIn("common-pw", "password1234", null).statusCode())
                .isEqualTo(401);
        assertThat(json(fixture.send("GET", "/api/v1/tokens", session, null))).hasSize(1);
    }

    /** One entry since {@code before}: the refusal of the holder's token, naming it. */
    private void assertRefusalLogged(long before, CreatedAccount holder, String tokenId) {
        var refusal = new PermissionChanged(
                holder.account().id().value(), ActorRole.AUDITOR, PermissionChange.DENIED, tokenId);
        assertThat(fixture.ledgerSince(before)).singleElement().satisfies(entry -> {
            assertThat(entry.records(refusal)).isTrue();
            assertThat(entry.purpose()).isEqualTo("authentication");
        });
    }

    private String sessionOfNewAuditor() throws Exception {
        return sessionOf(fixture.account(Role.AUDITOR, Optional.empty()));
    }

    private String sessionOf(CreatedAccount auditor) throws Exception {
        var response = fixture.signIn(auditor.account().username().value(), AccessFixture.PASSWORD, null);
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("token").asText();
    }
}
