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

/**
 * The pages people use: a landing page with the sign-in form, sign-up, the contributor's portal
 * (projects and their consent terms, recording, recordings and history, account), the reviewer's
 * desk, and the client and security consoles ({@link ConsolePages}). Each route has its line in {@link AccessPolicy}, so a page is refused before it renders to
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
        routes.get("/", ctx -> PageRenderer.renderPublic(ctx, "signin.js", Templates::landing));
        routes.get("/sign-up", ctx -> PageRenderer.renderPublic(ctx, "signup.js", Templates::signUp));
        routes.get(StaticFiles.ROUTE, files::serve);
        routes.get("/home", this::home);
        routes.get(CONTRIBUTOR, ctx -> PageRenderer.render(ctx, "contributor.js", Templates::contributorHome));
        routes.get(CONTRIBUTOR + "/projects/{project}", this::consent);
        routes.get(CONTRIBUTOR + "/projects/{project}/record", this::record);
        routes.get(CONTRIBUTOR + "/clips", ctx -> PageRenderer.render(ctx, "clips.js", Templates::clips));
        routes.get(CONTRIBUTOR + "/account", ctx -> PageRenderer.render(ctx, "account.js", Templates::account));
        routes.get(REVIEWER, this::reviewer);
        routes.get(REVIEWER + "/projects/{project}", this::desk);
        new ConsolePages(services).register(routes);
    }

    /** Where signing in lands: the page of the caller's role. */
    private void home(Context ctx) {
        Role role = Authentication.principal(ctx).role();
        switch (role) {
            case CONTRIBUTOR -> ctx.redirect(CONTRIBUTOR);
            case REVIEWER -> ctx.redirect(REVIEWER);
            case CLIENT_ADMIN -> ctx.redirect(ConsolePages.CLIENT);
            case SECURITY_OFFICER -> ctx.redirect(ConsolePages.SECURITY);
            default -> PageRenderer.render(ctx, "page.js", Templates::home);
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
        PageRenderer.render(ctx, "consent.js", frame -> Templates.consent(frame, page));
    }

    private void record(Context ctx) {
        ProjectPage project = project(ctx);
        PageRenderer.render(ctx, "record.js", frame -> Templates.record(frame, project));
    }

    private void reviewer(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        var projects = services.reviewers().assignedProjects(principal).stream()
                .map(id -> ProjectPage.of(services.projects().project(principal, id)))
                .toList();
        PageRenderer.render(ctx, "page.js", frame -> Templates.reviewerHome(frame, projects));
    }

    private void desk(Context ctx) {
        ProjectPage project = project(ctx);
        PageRenderer.render(ctx, "desk.js", frame -> Templates.desk(frame, project));
    }

    private ProjectPage project(Context ctx) {
        return ProjectPage.of(
                services.projects().project(Authentication.principal(ctx), new ProjectId(ctx.pathParam("project"))));
    }
}
