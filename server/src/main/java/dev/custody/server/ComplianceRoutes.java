package dev.custody.server;

import dev.custody.Services;
import dev.custody.project.ProjectId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** Records of processing (GDPR Art. 30), as JSON and as a page, and retention run by hand. */
final class ComplianceRoutes {
    static final String RECORDS_PATH = "/api/v1/projects/{project}/records-of-processing";

    private final Services services;

    ComplianceRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get(RECORDS_PATH, this::records);
        routes.get(RECORDS_PATH + ".html", this::recordsPage);
        routes.post("/api/v1/retention/run", this::runRetention);
    }

    private void records(Context ctx) {
        Json.write(ctx, 200, view(ctx));
    }

    private void recordsPage(Context ctx) {
        String page = RecordsOfProcessingPage.render(view(ctx));
        ctx.header("Content-Security-Policy", RecordsOfProcessingPage.CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType("text/html; charset=utf-8").result(page.getBytes(StandardCharsets.UTF_8));
    }

    private RecordsOfProcessingView view(Context ctx) {
        var report = services.recordsOfProcessing()
                .report(Authentication.principal(ctx), new ProjectId(ctx.pathParam("project")));
        return RecordsOfProcessingView.of(report);
    }

    private void runRetention(Context ctx) {
        var run = services.retention().run(Authentication.principal(ctx));
        Json.write(ctx, 200, run);
    }
}
