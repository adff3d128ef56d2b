package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import dev.custody.receipt.SignedConsentReceipt;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/** Organizations, projects, contributors and consent. */
final class AdminRoutes {
    private final Services services;

    AdminRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/organizations", this::createOrganization);
        routes.post("/api/v1/organizations/{organization}/projects", this::createProject);
        routes.get("/api/v1/organizations/{organization}/projects", this::projects);
        routes.get("/api/v1/projects/{project}", this::project);
        routes.post("/api/v1/contributors", this::createContributor);
        routes.get("/api/v1/contributors/{contributor}", this::contributor);
        routes.post("/api/v1/contributors/{contributor}/consents", this::consent);
    }

    private void createOrganization(Context ctx) {
        var request = Json.read(ctx, Requests.CreateOrganization.class);
        var organization = services.projects()
                .createOrganization(Authentication.principal(ctx), Objects.requireNonNullElse(request.name(), ""));
        Json.write(ctx, 201, Views.OrganizationView.of(organization));
    }

    private void createProject(Context ctx) {
        var request = Json.read(ctx, Requests.CreateProject.class);
        var project = services.projects()
                .createProject(
                        Authentication.principal(ctx),
                        new OrganizationId(ctx.pathParam("organization")),
                        ProjectRequests.plan(request));
        // Every project gets its canary: a decoy only an attacker opens.
        services.canaries().seed(project.id());
        Json.write(ctx, 201, Views.ProjectView.of(project));
    }

    private void projects(Context ctx) {
        var projects = services.projects()
                .projects(Authentication.principal(ctx), new OrganizationId(ctx.pathParam("organization")));
        Json.write(
                ctx,
                200,
                projects.stream()
                        .map(p -> new ProjectSummaryView(
                                p.id().value(),
                                p.name(),
                                p.consentTermsVersion(),
                                p.createdAt().toString()))
                        .toList());
    }

    record ProjectSummaryView(String id, String name, int consentTermsVersion, String createdAt) {}

    private void project(Context ctx) {
        var project =
                services.projects().project(Authentication.principal(ctx), new ProjectId(ctx.pathParam("project")));
        Json.write(ctx, 200, Views.ProjectView.of(project));
    }

    private void createContributor(Context ctx) {
        var request = Json.read(ctx, Requests.CreateContributor.class);
        if (request.name() == null || request.email() == null) {
            throw CustodyException.invalidInput("name and email are required");
        }
        var contributor = services.contributors()
                .register(Authentication.principal(ctx), new Identity(request.name(), request.email()));
        Json.write(ctx, 201, Views.ContributorView.of(contributor));
    }

    private void contributor(Context ctx) {
        var contributor = services.contributors()
                .contributor(Authentication.principal(ctx), new Pseudonym(ctx.pathParam("contributor")));
        Json.write(ctx, 200, Views.ContributorView.of(contributor));
    }

    /** Staff record a consent given on a signed paper form, with its evidence; a refusal is logged. */
    private void consent(Context ctx) {
        var principal = Authentication.principal(ctx);
        SignedConsentReceipt receipt;
        try {
            var paper = TermsRequests.paper(Json.read(ctx, Requests.RecordPaperConsent.class));
            receipt = services.consent()
                    .recordPaperConsent(principal, new Pseudonym(ctx.pathParam("contributor")), paper);
        } catch (CustodyException e) {
            throw e.code() == ErrorCode.FORBIDDEN
                    ? e
                    : services.tenancy().refused(principal, "record-paper-consent", e);
        }
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, Views.MyConsentView.given(receipt));
    }
}
