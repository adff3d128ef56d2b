package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.Role;
import dev.custody.access.TokenId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.OrganizationId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls every route of the authorization table as every role, for client roles from inside and from
 * outside the organization that owns the resource, and checks the answer is exactly what the table
 * says: refused with 403 FORBIDDEN, or let through to the handler (whatever it then answers, never
 * 401 or 403, so the services' own checks agree with the table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTableIT {
    AccessFixture fixture;

    @BeforeAll
    void start(@TempDir Path temp) {
        fixture = new AccessFixture(temp.resolve("data"));
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void everyRegisteredRoute_hasExactlyOneLineInTheTable() {
        assertThat(fixture.server.routes()).containsExactlyInAnyOrderElementsOf(AccessPolicy.routes());
    }

    @Test
    void everyRoute_asEveryRole_insideAndOutsideTheOrganization_isAllowedOrDeniedAsTheTableSays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<Caller> callers = callers();
        for (AccessRule rule : AccessPolicy.RULES) {
            if (rule.isPublic()) {
                continue;
            }
            for (Caller caller : callers) {
                // A fresh token per call: signing out (one of the routes) revokes the token it is called with.
                var response = fixture.send(rule.method(), path(rule.path()), token(caller), "{}");
                boolean allowed = rule.roles().contains(caller.role())
                        && (caller.organization().isEmpty()
                                || rule.owner() == AccessRule.Owner.NONE
                                || caller.organization().get().equals(fixture.orgA));
                if (!answersAsTheTableSays(response, allowed)) {
                    mismatches.add(
                            rule.route() + " as " + caller + ": " + response.statusCode() + " " + response.body());
                }
            }
        }

        assertThat(mismatches).isEmpty();
    }

    @Test
    void aDenial_isLoggedToTheLedger() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty()).account();
        long before = fixture.ledgerSize();

        var response = fixture.send("POST", "/api/v1/organizations", fixture.apiToken(auditor), "{\"name\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(AccessFixture.json(response).get("code").asText()).isEqualTo("FORBIDDEN");
        // One entry for the token issued above, one for the denial.
        assertThat(fixture.ledgerSize()).isEqualTo(before + 2);
    }

    @Test
    void publicRoutes_needNoToken() throws Exception {
        assertThat(fixture.send("GET", "/healthz", null, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("GET", "/readyz", null, null).statusCode()).isEqualTo(200);
        assertThat(fixture.send("GET", LedgerRoutes.KEYS_PATH, null, null).statusCode())
                .isEqualTo(200);
    }

    private static boolean answersAsTheTableSays(HttpResponse<String> response, boolean allowed) throws Exception {
        if (allowed) {
            return response.statusCode() != 401 && response.statusCode() != 403;
        }
        return response.statusCode() == 403
                && AccessFixture.json(response).get("code").asText().equals("FORBIDDEN");
    }

    /**
     * A token of the caller. A contributor is signed up afresh for every call: some routes withdraw
     * their consent or delete their account, which must not change what later calls see.
     */
    private String token(Caller caller) {
        if (caller.role() == Role.CONTRIBUTOR) {
            return fixture.apiToken(
                    fixture.account(Role.CONTRIBUTOR, Optional.empty()).account());
        }
        return caller.account().map(fixture::apiToken).orElse(fixture.bootstrapToken);
    }

    /** Every role; client roles once in organization A (the owner of every resource used) and once in B. */
    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role == Role.BOOTSTRAP_ADMIN) {
                callers.add(new Caller(role, Optional.empty(), Optional.empty()));
            } else if (role.inOrganization()) {
                for (OrganizationId org : List.of(fixture.orgA, fixture.orgB)) {
                    var account = fixture.account(role, Optional.of(org)).account();
                    callers.add(new Caller(role, Optional.of(org), Optional.of(account)));
                }
            } else {
                var account = fixture.account(role, Optional.empty()).account();
                callers.add(new Caller(role, Optional.empty(), Optional.of(account)));
            }
        }
        return callers;
    }

    /**
     * The route's path with its parameters filled in: A's organization, project and clip, and ids
     * that exist nowhere for the rest, so that no call changes what later calls see.
     */
    private String path(String pattern) {
        return pattern.replace("{organization}", fixture.orgA.value())
                .replace("{project}", fixture.projectA.id().value())
                .replace("{clip}", fixture.clipA)
                .replace("{contributor}", Pseudonym.random().value())
                .replace("{token}", TokenId.random().value())
                .replace("{account}", AccountId.random().value())
                .replace("{purpose}", "voice")
                .replace("{version}", "1")
                .replace("{size}", "1");
    }

    private record Caller(Role role, Optional<OrganizationId> organization, Optional<Account> account) {
        @Override
        public String toString() {
            return role + organization.map(org -> " of " + org).orElse("");
        }
    }
}
