package dev.custody.server;

import static dev.custody.server.AccessFixture.json;
import static dev.custody.server.SignInIT.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.project.ProjectId;
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
    void forgedAndMalformedTokens_are401() throws Exception {
        for (String forged : List.of(
                "cta_" + "A".repeat(43),
                "css_" + "B".repeat(43),
                "cst_" + "C".repeat(43),
                "x".repeat(5000),
                "",
                "cta_")) {
            assertUnauthenticated(fixture.send("GET", "/api/v1/keys", forged, null));
        }
        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", null, null));
    }

    @Test
    void anExpiredApiToken_is401() throws Exception {
        String session = sessionOfNewAuditor();
        String token = json(fixture.send("POST", "/api/v1/tokens", session, "{\"lifetimeDays\":1}"))
                .get("token")
                .asText();
        assertThat(fixture.send("GET", "/api/v1/keys", token, null).statusCode())
                .isEqualTo(200);

        fixture.clock.advance(Duration.ofDays(1));

        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", token, null));
    }

    @Test
    void aRevokedApiToken_is401_andCannotBeRevokedByAnotherAccount() throws Exception {
        String owner = sessionOfNewAuditor();
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
        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", token, null));
    }

    @Test
    void aTokenOfOrganizationB_onOrganizationAsResources_is403_exactlyAsForIdsThatDoNotExist() throws Exception {
        var consumerB =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgB)).account();
        var adminB =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgB)).account();

        var othersProject =
                fixture.send("GET", "/api/v1/projects/" + fixture.projectA.id(), fixture.apiToken(consumerB), null);
        var noProject =
                fixture.send("GET", "/api/v1/projects/" + ProjectId.random(), fixture.apiToken(consumerB), null);
        var othersClip = fixture.send("GET", "/api/v1/clips/" + fixture.clipA, fixture.apiToken(adminB), null);
        var noClip = fixture.send("GET", "/api/v1/clips/" + ClipId.random(), fixture.apiToken(adminB), null);
        var ownProject =
                fixture.send("GET", "/api/v1/projects/" + fixture.projectB.id(), fixture.apiToken(consumerB), null);

        for (var refused : List.of(othersProject, noProject, othersClip, noClip)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo(noProject.body());
        }
        assertThat(ownProject.statusCode()).isEqualTo(200);
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

    private String sessionOfNewAuditor() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var response = fixture.signIn(auditor.account().username().value(), AccessFixture.PASSWORD, null);
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("token").asText();
    }
}
