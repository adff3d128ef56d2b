package dev.custody.server;

import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.consent.ConsentTerms;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.server.pages.ProjectPage;
import dev.custody.server.pages.TermsPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The pages people use: a landing page with the sign-in form, sign-up, the contributor's portal
 * (projects and their consent terms, recording, recordings and history, account) and the reviewer's
 * desk. Each route has its line in {@link AccessPolicy}, so a page is refused before it renders to
 * anyone whose role it is not for. The pages read through the same services the API routes call,
 * and their scripts act through the API routes with the session's CSRF token.
 */
final class WebPages {
    static final String CONTRIBUTOR = "/contributor";
    static final String REVIEWER = "/reviewer";

    private final Services services;
    private final StaticFiles files = new StaticFiles();

    WebPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> PageRenderer.renderPublic(ctx, "landing.jte", "signin.js"));
        routes.get("/sign-up", ctx -> PageRenderer.renderPublic(ctx, "signup.jte", "signup.js"));
        routes.get(StaticFiles.ROUTE, files::serve);
        routes.get("/home", this::home);
        routes.get(CONTRIBUTOR, ctx -> page(ctx, "contributor/home.jte", "contributor.js"));
        routes.get(CONTRIBUTOR + "/projects/{project}", this::consent);
        routes.get(CONTRIBUTOR + "/projects/{project}/record", this::record);
        routes.get(CONTRIBUTOR + "/clips", ctx -> page(ctx, "contributor/clips.jte", "clips.js"));
        routes.get(CONTRIBUTOR + "/account", ctx -> page(ctx, "contributor/account.jte", "account.js"));
        routes.get(REVIEWER, this::reviewer);
        routes.get(REVIEWER + "/projects/{project}", this::desk);
    }

    /** Where signing in lands: the page of the caller's role. */
    private void home(Context ctx) {
        Role role = Authentication.principal(ctx).role();
        switch (role) {
            case CONTRIBUTOR -> ctx.redirect(CONTRIBUTOR);
            case REVIEWER -> ctx.redirect(REVIEWER);
            default -> page(ctx, "home.jte", "page.js");
        }
    }

    private void consent(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        ProjectId id = new ProjectId(ctx.pathParam("project"));
        Project project = services.projects().project(principal, id);
        ConsentTerms terms = services.consent().currentTerms(principal, id);
        var view = Views.TermsView.of(terms);
        var page = new TermsPage(
                view.project(),
                project.name(),
                project.commission().language(),
                view.version(),
                view.sha256(),
                view.purposesAllowed(),
                view.purposesForbidden(),
                view.retentionDays(),
                view.recipients(),
                view.rights(),
                view.legalBases(),
                view.text(),
                view.publishedAt());
        PageRenderer.render(ctx, "contributor/consent.jte", "consent.js", Map.of("terms", page));
    }

    private void record(Context ctx) {
        PageRenderer.render(ctx, "contributor/record.jte", "record.js", Map.of("project", project(ctx)));
    }

    private void reviewer(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        var projects = services.reviewers().assignedProjects(principal).stream()
                .map(id -> ProjectPage.of(services.projects().project(principal, id)))
                .toList();
        PageRenderer.render(ctx, "reviewer/home.jte", "page.js", Map.of("projects", projects));
    }

    private void desk(Context ctx) {
        PageRenderer.render(ctx, "reviewer/desk.jte", "desk.js", Map.of("project", project(ctx)));
    }

    private ProjectPage project(Context ctx) {
        return ProjectPage.of(
                services.projects().project(Authentication.principal(ctx), new ProjectId(ctx.pathParam("project"))));
    }

    private static void page(Context ctx, String template, String script) {
        PageRenderer.render(ctx, template, script, Map.of());
    }
}
