package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.TokenId;
import dev.custody.contributor.Pseudonym;
import dev.custody.grant.GrantId;
import dev.custody.payout.PayoutBatchId;
import dev.custody.project.OrganizationId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls every route of the authorization table as every role, for client roles from inside and from
 * outside the organization that owns the resource, for reviewers assigned to its project and not,
 * and checks the answer is exactly what the table says: refused with 403 FORBIDDEN, or let through
 * to the handler (whatever it then answers, never 401 or 403, so the services' own checks agree
 * with the table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTableIT {
    private static final String RETIRE_BOOTSTRAP = "/api/v1/bootstrap-token";

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
        // Retiring the bootstrap token ends it for every later call: that route goes last, called by
        // the bootstrap administrator before the operator.
        List<AccessRule> rules = new ArrayList<>(AccessPolicy.RULES);
        rules.sort(Comparator.comparing(rule -> rule.path().equals(RETIRE_BOOTSTRAP)));
        for (AccessRule rule : rules) {
            if (rule.isPublic()) {
                continue;
            }
            List<Caller> order = new ArrayList<>(callers);
            if (rule.path().equals(RETIRE_BOOTSTRAP)) {
                order.sort(Comparator.comparing(caller -> caller.role() == Role.OPERATOR));
            }
            for (Caller caller : order) {
                // A fresh token per call: signing out (one of the routes) revokes the token it is called with.
                var response = fixture.send(rule.method(), path(rule.path()), token(caller, rule), "{}");
                boolean allowed = rule.roles().contains(caller.role())
                        && (rule.owner() == AccessRule.Owner.OWN_CLIP
                                ? caller.ownsClipA()
                                : caller.organization().isEmpty()
                                        || rule.owner() == AccessRule.Owner.NONE
                                        || caller.organization().get().equals(fixture.orgA))
                        && (caller.role() != Role.REVIEWER || !reachesProjectWork(rule) || caller.assigned());
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
            // Allowed, the call may still be refused for its empty body, but as bad input, never as a crash.
            return response.statusCode() != 401 && response.statusCode() != 403 && response.statusCode() < 500;
        }
        return response.statusCode() == 403
                && AccessFixture.json(response).get("code").asText().equals("FORBIDDEN");
    }

    /** Whether the route acts on a project or one of its clips, which a reviewer reaches only if assigned. */
    private static boolean reachesProjectWork(AccessRule rule) {
        return rule.owner() == AccessRule.Owner.PROJECT || rule.owner() == AccessRule.Owner.CLIP;
    }

    /**
     * A token of the caller for the route. A contributor is signed up afresh for every call (some
     * routes withdraw their consent or delete their account, which must not change what later calls
     * see), except the one who recorded clip A on the routes that act on their own clip, which only
     * read.
     */
    private String token(Caller caller, AccessRule rule) {
        if (caller.role() == Role.CONTRIBUTOR && !(caller.ownsClipA() && rule.owner() == AccessRule.Owner.OWN_CLIP)) {
            return fixture.apiToken(
                    fixture.account(Role.CONTRIBUTOR, Optional.empty()).account());
        }
        return caller.account().map(fixture::apiToken).orElse(fixture.bootstrapToken);
    }

    /**
     * Every role; client roles once in organization A (the owner of every resource used) and once
     * in B; reviewers once assigned to A's project and once not; contributors once as the one who
     * recorded clip A and once as another.
     */
    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role == Role.BOOTSTRAP_ADMIN) {
                callers.add(new Caller(role, Optional.empty(), Optional.empty(), false, false));
            } else if (role == Role.REVIEWER) {
                for (boolean assigned : new boolean[] {true, false}) {
                    var account = fixture.account(role, Optional.empty()).account();
                    if (assigned) {
                        fixture.services
                                .reviewers()
                                .assign(Principal.bootstrapAdmin(), fixture.projectA.id(), account.id());
                    }
                    callers.add(new Caller(role, Optional.empty(), Optional.of(account), assigned, false));
                }
            } else if (role.inOrganization()) {
                for (OrganizationId org : List.of(fixture.orgA, fixture.orgB)) {
                    var account = fixture.account(role, Optional.of(org)).account();
                    callers.add(new Caller(role, Optional.of(org), Optional.of(account), false, false));
                }
            } else {
                var account = fixture.account(role, Optional.empty()).account();
                callers.add(new Caller(role, Optional.empty(), Optional.of(account), false, false));
            }
            if (role == Role.CONTRIBUTOR) {
                callers.add(new Caller(role, Optional.empty(), Optional.of(fixture.clipOwner), false, true));
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
                .replace("{size}", "1")
                .replace("{batch}", PayoutBatchId.random().value())
                .replace("{grant}", GrantId.random().value())
                .replace("{principal}", AccountId.random().value());
    }

    private record Caller(
            Role role,
            Optional<OrganizationId> organization,
            Optional<Account> account,
            boolean assigned,
            boolean ownsClipA) {
        @Override
        public String toString() {
            return role
                    + organization.map(org -> " of " + org).orElse("")
                    + (assigned ? " (assigned)" : "")
                    + (ownsClipA ? " who recorded clip A" : "");
        }
    }
}
