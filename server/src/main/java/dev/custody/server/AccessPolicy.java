package dev.custody.server;

import static dev.custody.access.Role.AUDITOR;
import static dev.custody.access.Role.BOOTSTRAP_ADMIN;
import static dev.custody.access.Role.CLIENT_ADMIN;
import static dev.custody.access.Role.CONTRIBUTOR;
import static dev.custody.access.Role.DATA_CONSUMER;
import static dev.custody.access.Role.OPERATOR;
import static dev.custody.access.Role.REVIEWER;
import static dev.custody.access.Role.SECURITY_OFFICER;

import dev.custody.access.Role;
import dev.custody.server.AccessRule.Owner;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one authorization table: every route the server registers, with who may call it. {@link
 * AccessControl} enforces it before any handler runs; a route missing here is refused to everyone,
 * and a test fails the build if the server registers a route the table lacks (or the reverse). The
 * services check the same roles again, as defense in depth. A reviewer reaches a project or clip
 * route only for a project assigned to them ({@link Authentication}).
 */
final class AccessPolicy {
    private static final Set<Role> ACCOUNT_HOLDERS = EnumSet.complementOf(EnumSet.of(BOOTSTRAP_ADMIN));
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> LEDGER_READERS = Set.of(AUDITOR, SECURITY_OFFICER, BOOTSTRAP_ADMIN);
    private static final Set<Role> KEY_ADMINS = Set.of(SECURITY_OFFICER, BOOTSTRAP_ADMIN);
    /** Operators assign reviewers and run payouts; neither touches voice data. */
    private static final Set<Role> PAYERS_AND_ASSIGNERS = Set.of(OPERATOR, BOOTSTRAP_ADMIN);

    private static final Set<Role> PROJECT_READERS =
            Set.of(CONTRIBUTOR, CLIENT_ADMIN, DATA_CONSUMER, REVIEWER, BOOTSTRAP_ADMIN);
    // A contributor's own acts: they act as their pseudonym, so nobody can act for them.
    private static final Set<Role> THE_CONTRIBUTOR = Set.of(CONTRIBUTOR);
    // The owning organization's client admins, and the platform roles that answer for compliance.
    private static final Set<Role> RECORDS_READERS =
            Set.of(CLIENT_ADMIN, AUDITOR, SECURITY_OFFICER, OPERATOR, BOOTSTRAP_ADMIN);

    private static final Set<Role> GRANT_ENDERS = Set.of(CLIENT_ADMIN, SECURITY_OFFICER, BOOTSTRAP_ADMIN);
    private static final Set<Role> GRANT_READERS =
            Set.of(CLIENT_ADMIN, DATA_CONSUMER, SECURITY_OFFICER, BOOTSTRAP_ADMIN);

    static final List<AccessRule> RULES = List.of(
            open("GET", "/healthz"),
            open("GET", "/readyz"),
            open("GET", LedgerRoutes.KEYS_PATH),
            open("POST", "/api/v1/sign-up"),
            open("POST", "/api/v1/sessions"),
            rule("GET", "/api/v1/me", EVERYONE),
            rule("DELETE", "/api/v1/bootstrap-token", Set.of(OPERATOR, BOOTSTRAP_ADMIN)),
            rule("DELETE", "/api/v1/sessions/current", ACCOUNT_HOLDERS),
            open("POST", WebSessionRoutes.SESSIONS),
            rule("GET", WebSessionRoutes.CURRENT, ACCOUNT_HOLDERS),
            rule("DELETE", WebSessionRoutes.CURRENT, ACCOUNT_HOLDERS),
            // Pages (WebPages): each for the role whose work it shows; their scripts call the API's routes.
            open("GET", "/"),
            open("GET", "/sign-up"),
            open("GET", StaticFiles.ROUTE),
            rule("GET", "/home", ACCOUNT_HOLDERS),
            rule("GET", WebPages.CONTRIBUTOR, THE_CONTRIBUTOR),
            rule("GET", WebPages.CONTRIBUTOR + "/projects/{project}", THE_CONTRIBUTOR),
            rule("GET", WebPages.CONTRIBUTOR + "/projects/{project}/record", THE_CONTRIBUTOR),
            rule("GET", WebPages.CONTRIBUTOR + "/clips", THE_CONTRIBUTOR),
            rule("GET", WebPages.CONTRIBUTOR + "/account", THE_CONTRIBUTOR),
            rule("GET", WebPages.REVIEWER, Set.of(REVIEWER)),
            owned("GET", WebPages.REVIEWER + "/projects/{project}", Set.of(REVIEWER), Owner.PROJECT),
            rule("POST", "/api/v1/tokens", ACCOUNT_HOLDERS),
            rule("GET", "/api/v1/tokens", ACCOUNT_HOLDERS),
            rule("DELETE", "/api/v1/tokens/{token}", ACCOUNT_HOLDERS),
            rule("POST", "/api/v1/accounts", Set.of(OPERATOR, BOOTSTRAP_ADMIN, CLIENT_ADMIN)),
            rule("POST", "/api/v1/accounts/{account}/disable", Set.of(OPERATOR, BOOTSTRAP_ADMIN)),
            rule("POST", "/api/v1/organizations", Set.of(OPERATOR, BOOTSTRAP_ADMIN)),
            owned(
                    "POST",
                    "/api/v1/organizations/{organization}/projects",
                    Set.of(CLIENT_ADMIN, BOOTSTRAP_ADMIN),
                    Owner.ORGANIZATION),
            owned("GET", "/api/v1/projects/{project}", PROJECT_READERS, Owner.PROJECT),
            owned("POST", "/api/v1/projects/{project}/terms", Set.of(CLIENT_ADMIN, BOOTSTRAP_ADMIN), Owner.PROJECT),
            owned("GET", "/api/v1/projects/{project}/terms", PROJECT_READERS, Owner.PROJECT),
            owned("GET", "/api/v1/projects/{project}/terms/{version}", PROJECT_READERS, Owner.PROJECT),
            rule("POST", "/api/v1/me/consents", THE_CONTRIBUTOR),
            rule("GET", "/api/v1/me/consents", THE_CONTRIBUTOR),
            rule("POST", "/api/v1/me/consents/{project}/withdraw", THE_CONTRIBUTOR),
            rule("POST", "/api/v1/me/withdraw", THE_CONTRIBUTOR),
            rule("DELETE", "/api/v1/me", THE_CONTRIBUTOR),
            rule("POST", "/api/v1/contributors", Set.of(OPERATOR, BOOTSTRAP_ADMIN)),
            rule("GET", "/api/v1/contributors/{contributor}", Set.of(OPERATOR, SECURITY_OFFICER, BOOTSTRAP_ADMIN)),
            rule("POST", "/api/v1/contributors/{contributor}/consents", Set.of(BOOTSTRAP_ADMIN)),
            // A contributor uploads as themselves only; the bootstrap administrator for anyone.
            owned("POST", "/api/v1/projects/{project}/clips", Set.of(CONTRIBUTOR, BOOTSTRAP_ADMIN), Owner.PROJECT),
            owned("GET", "/api/v1/clips/{clip}", Set.of(REVIEWER, CLIENT_ADMIN, BOOTSTRAP_ADMIN), Owner.CLIP),
            owned("GET", "/api/v1/clips/{clip}/audio", Set.of(REVIEWER, BOOTSTRAP_ADMIN), Owner.CLIP),
            rule("GET", "/api/v1/contributors/{contributor}/clips", Set.of(SECURITY_OFFICER, BOOTSTRAP_ADMIN)),
            rule("DELETE", "/api/v1/contributors/{contributor}", Set.of(SECURITY_OFFICER, BOOTSTRAP_ADMIN)),
            // A contributor's own data: the pseudonym is the caller's, never named in the path.
            rule("GET", "/api/v1/me/clips", THE_CONTRIBUTOR),
            owned("GET", "/api/v1/me/clips/{clip}", THE_CONTRIBUTOR, Owner.OWN_CLIP),
            owned("GET", "/api/v1/me/clips/{clip}/receipt", THE_CONTRIBUTOR, Owner.OWN_CLIP),
            owned("GET", "/api/v1/me/clips/{clip}/history", THE_CONTRIBUTOR, Owner.OWN_CLIP),
            rule("GET", "/api/v1/me/history", THE_CONTRIBUTOR),
            rule("GET", "/api/v1/me/export", THE_CONTRIBUTOR),
            rule("GET", "/api/v1/ledger/checkpoint", LEDGER_READERS),
            // Any authenticated caller may ask for a fresh checkpoint: it reveals nothing new.
            rule("POST", "/api/v1/ledger/checkpoint", EVERYONE),
            rule("GET", "/api/v1/ledger/checkpoints/{size}", LEDGER_READERS),
            rule("GET", "/api/v1/ledger/proofs/inclusion", LEDGER_READERS),
            rule("GET", "/api/v1/ledger/proofs/consistency", LEDGER_READERS),
            rule("GET", "/api/v1/ledger/entries", LEDGER_READERS),
            rule("GET", "/api/v1/ledger/export", LEDGER_READERS),
            owned("POST", "/api/v1/projects/{project}/reviewers", PAYERS_AND_ASSIGNERS, Owner.PROJECT),
            owned("GET", "/api/v1/projects/{project}/reviewers", PAYERS_AND_ASSIGNERS, Owner.PROJECT),
            owned("DELETE", "/api/v1/projects/{project}/reviewers/{account}", PAYERS_AND_ASSIGNERS, Owner.PROJECT),
            // A reviewer's own work: an assigned reviewer account, never the bootstrap administrator,
            // since acceptance counts distinct reviewers.
            rule("GET", "/api/v1/review/projects", Set.of(REVIEWER)),
            owned("GET", "/api/v1/projects/{project}/review-queue", Set.of(REVIEWER), Owner.PROJECT),
            owned("POST", "/api/v1/clips/{clip}/reviews", Set.of(REVIEWER), Owner.CLIP),
            owned(
                    "GET",
                    "/api/v1/projects/{project}/review-progress",
                    Set.of(CLIENT_ADMIN, OPERATOR, BOOTSTRAP_ADMIN),
                    Owner.PROJECT),
            rule("POST", "/api/v1/payouts/batches", PAYERS_AND_ASSIGNERS),
            rule("GET", "/api/v1/payouts/batches/{batch}", PAYERS_AND_ASSIGNERS),
            rule("GET", "/api/v1/payouts/batches/{batch}/csv", PAYERS_AND_ASSIGNERS),
            rule("POST", "/api/v1/payouts/batches/{batch}/paid", PAYERS_AND_ASSIGNERS),
            rule("GET", "/api/v1/contributors/{contributor}/earnings", PAYERS_AND_ASSIGNERS),
            rule("GET", "/api/v1/me/earnings", THE_CONTRIBUTOR),
            rule("GET", "/api/v1/keys", Set.of(SECURITY_OFFICER, AUDITOR, BOOTSTRAP_ADMIN)),
            rule("POST", "/api/v1/keys/rewrap", KEY_ADMINS),
            rule("POST", "/api/v1/keys/{purpose}/rotate", KEY_ADMINS),
            rule("POST", "/api/v1/keys/{purpose}/versions/{version}/destroy", KEY_ADMINS),
            owned("GET", ComplianceRoutes.RECORDS_PATH, RECORDS_READERS, Owner.PROJECT),
            owned("GET", ComplianceRoutes.RECORDS_PATH + ".html", RECORDS_READERS, Owner.PROJECT),
            rule("POST", "/api/v1/retention/run", Set.of(SECURITY_OFFICER, OPERATOR, BOOTSTRAP_ADMIN)),
            // Integrity alarms: what failed and about which ids, read from the ledger; never data.
            rule("GET", IntegrityRoutes.FAILURES_PATH, LEDGER_READERS),
            // Data-use grants. A client-admin grants within their own organization; a grant's own
            // routes find its organization through the grant, and the service answers NOT_FOUND to
            // anyone but its organization's client-admins, its consumer and the security officer.
            owned("POST", GrantRoutes.ORGANIZATION_GRANTS, Set.of(CLIENT_ADMIN, BOOTSTRAP_ADMIN), Owner.ORGANIZATION),
            owned("GET", GrantRoutes.ORGANIZATION_GRANTS, GRANT_ENDERS, Owner.ORGANIZATION),
            rule("GET", "/api/v1/me/grants", Set.of(DATA_CONSUMER)),
            rule("GET", GrantRoutes.GRANT, GRANT_READERS),
            rule("POST", GrantRoutes.GRANT + "/suspend", GRANT_ENDERS),
            rule("POST", GrantRoutes.GRANT + "/revoke", GRANT_ENDERS),
            rule("GET", GrantRoutes.GRANT + "/revocations", GRANT_READERS),
            rule("POST", GrantRoutes.GRANT + "/revocations/acknowledgments", Set.of(DATA_CONSUMER)),
            rule("GET", "/api/v1/revocations/overdue", GRANT_ENDERS),
            // Suspensions by the egress guard: read by the security officer, lifted by them alone.
            rule("GET", "/api/v1/suspensions", Set.of(SECURITY_OFFICER, BOOTSTRAP_ADMIN)),
            rule("POST", "/api/v1/suspensions/{principal}/lift", Set.of(SECURITY_OFFICER)),
            // The client console and the security console (WebPages), and the reads the console needs.
            owned(
                    "GET",
                    "/api/v1/organizations/{organization}/projects",
                    Set.of(CLIENT_ADMIN, BOOTSTRAP_ADMIN),
                    Owner.ORGANIZATION),
            owned(
                    "GET",
                    "/api/v1/projects/{project}/clip-counts",
                    Set.of(CLIENT_ADMIN, OPERATOR, BOOTSTRAP_ADMIN),
                    Owner.PROJECT),
            rule("GET", ConsolePages.CLIENT, Set.of(CLIENT_ADMIN)),
            owned("GET", ConsolePages.CLIENT + "/projects/{project}", Set.of(CLIENT_ADMIN), Owner.PROJECT),
            rule("GET", ConsolePages.CLIENT + "/grants", Set.of(CLIENT_ADMIN)),
            rule("GET", ConsolePages.SECURITY, Set.of(SECURITY_OFFICER)),
            rule("GET", ConsolePages.SECURITY + "/integrity", Set.of(SECURITY_OFFICER)),
            rule("GET", ConsolePages.SECURITY + "/suspensions", Set.of(SECURITY_OFFICER)));

    private static final Map<String, AccessRule> BY_ROUTE = index();

    private AccessPolicy() {}

    /** The rule for a route as Javalin registered it; empty for a route the table lacks. */
    static Optional<AccessRule> find(String method, String path) {
        return Optional.ofNullable(BY_ROUTE.get(method + ":" + path));
    }

    /** Every route the table declares, as {@code METHOD:path}. */
    static List<String> routes() {
        return RULES.stream().map(AccessRule::route).toList();
    }

    private static Map<String, AccessRule> index() {
        Map<String, AccessRule> rules = new LinkedHashMap<>();
        for (AccessRule rule : RULES) {
            if (rules.put(rule.route(), rule) != null) {
                throw new IllegalStateException("two rules for " + rule.route());
            }
        }
        return Map.copyOf(rules);
    }

    private static AccessRule open(String method, String path) {
        return new AccessRule(method, path, true, Set.of(), Owner.NONE);
    }

    private static AccessRule rule(String method, String path, Set<Role> roles) {
        return new AccessRule(method, path, false, roles, Owner.NONE);
    }

    private static AccessRule owned(String method, String path, Set<Role> roles, Owner owner) {
        return new AccessRule(method, path, false, roles, owner);
    }
}
