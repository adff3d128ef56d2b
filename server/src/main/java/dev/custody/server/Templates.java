package dev.custody.server;

import dev.custody.project.ProjectSummary;
import dev.custody.review.ReviewProgress;
import dev.custody.server.pages.ConsoleRows.FailureRow;
import dev.custody.server.pages.ConsoleRows.GrantRow;
import dev.custody.server.pages.ConsoleRows.KeyRow;
import dev.custody.server.pages.ConsoleRows.KeySchedule;
import dev.custody.server.pages.ConsoleRows.LedgerHealth;
import dev.custody.server.pages.ConsoleRows.RevocationRow;
import dev.custody.server.pages.ConsoleRows.SuspensionRow;
import dev.custody.server.pages.CountChart;
import dev.custody.server.pages.Page;
import dev.custody.server.pages.ProjectPage;
import dev.custody.server.pages.TermsPage;
import gg.jte.generated.precompiled.JteerrorGenerated;
import gg.jte.generated.precompiled.JtelandingGenerated;
import gg.jte.generated.precompiled.JtesignupGenerated;
import gg.jte.generated.precompiled.contributor.JteaccountGenerated;
import gg.jte.generated.precompiled.contributor.JteclipsGenerated;
import gg.jte.generated.precompiled.contributor.JteconsentGenerated;
import gg.jte.generated.precompiled.contributor.JterecordGenerated;
import gg.jte.generated.precompiled.reviewer.JtedeskGenerated;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every page, one method each, calling the Java that jte's Maven plugin generated from the
 * template (src/main/jte) at build time: javac checks each page's parameters against the
 * template's {@code @param} lines, so a page rendered with the wrong data does not build. Output
 * is HTML-escaped by context (text, attribute) unless a template says otherwise, which none does.
 */
final class Templates {
    private Templates() {}

    static String landing(Page page) {
        return render(out -> JtelandingGenerated.render(out, null, page));
    }

    static String signUp(Page page) {
        return render(out -> JtesignupGenerated.render(out, null, page));
    }

    static String home(Page page) {
        return render(out -> gg.jte.generated.precompiled.JtehomeGenerated.render(out, null, page));
    }

    static String error(Page page, String message) {
        return render(out -> JteerrorGenerated.render(out, null, page, message));
    }

    static String contributorHome(Page page) {
        return render(out -> gg.jte.generated.precompiled.contributor.JtehomeGenerated.render(out, null, page));
    }

    static String consent(Page page, TermsPage terms) {
        return render(out -> JteconsentGenerated.render(out, null, page, terms));
    }

    static String record(Page page, ProjectPage project) {
        return render(out -> JterecordGenerated.render(out, null, page, project));
    }

    static String clips(Page page) {
        return render(out -> JteclipsGenerated.render(out, null, page));
    }

    static String account(Page page) {
        return render(out -> JteaccountGenerated.render(out, null, page));
    }

    static String reviewerHome(Page page, List<ProjectPage> projects) {
        return render(out -> gg.jte.generated.precompiled.reviewer.JtehomeGenerated.render(out, null, page, projects));
    }

    static String desk(Page page, ProjectPage project) {
        return render(out -> JtedeskGenerated.render(out, null, page, project));
    }

    static String clientHome(Page page, String organization, List<ProjectSummary> projects, List<String> purposes) {
        return render(out -> gg.jte.generated.precompiled.client.JtehomeGenerated.render(
                out, null, page, organization, projects, purposes));
    }

    static String clientProject(
            Page page,
            ProjectPage project,
            int termsVersion,
            ReviewProgress progress,
            CountChart byDay,
            CountChart byPrompt) {
        return render(out -> gg.jte.generated.precompiled.client.JteprojectGenerated.render(
                out, null, page, project, termsVersion, progress, byDay, byPrompt));
    }

    static String clientGrants(Page page, List<GrantRow> grants, List<RevocationRow> overdue) {
        return render(
                out -> gg.jte.generated.precompiled.client.JtegrantsGenerated.render(out, null, page, grants, overdue));
    }

    static String securityHome(Page page, LedgerHealth ledger, List<KeyRow> keys, KeySchedule schedule) {
        return render(out ->
                gg.jte.generated.precompiled.security.JtehomeGenerated.render(out, null, page, ledger, keys, schedule));
    }

    static String integrity(Page page, List<FailureRow> failures) {
        return render(
                out -> gg.jte.generated.precompiled.security.JteintegrityGenerated.render(out, null, page, failures));
    }

    static String suspensions(Page page, List<SuspensionRow> suspensions) {
        return render(out ->
                gg.jte.generated.precompiled.security.JtesuspensionsGenerated.render(out, null, page, suspensions));
    }

    private static String render(Consumer<HtmlTemplateOutput> template) {
        var output = new StringOutput();
        template.accept(new OwaspHtmlTemplateOutput(output));
        return output.toString();
    }
}
