package dev.custody.server;

import dev.custody.compliance.RecordsOfProcessing.Category;
import dev.custody.compliance.RecordsOfProcessing.DataCategory;
import java.util.List;
import java.util.Locale;

/**
 * A project's records of processing as a page to read and print: server-rendered from the same
 * view as the JSON, every value escaped, no script and nothing loaded from elsewhere.
 */
final class RecordsOfProcessingPage {
    /** Served with the page: nothing but its own inline style may load or run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:64em;margin:2em auto;"
            + "padding:0 1em;line-height:1.45}table{border-collapse:collapse;width:100%;margin-bottom:1em}"
            + "th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}"
            + "th{background:#f2f2f2;width:14em}";

    private final StringBuilder html = new StringBuilder(16 * 1024);

    private RecordsOfProcessingPage() {}

    static String render(RecordsOfProcessingView r) {
        var page = new RecordsOfProcessingPage();
        page.head(r);
        page.parties(r);
        page.purposes(r);
        page.dataCategories(r.personalData());
        page.categories("Categories of data subjects", r.dataSubjects());
        page.categories("Recipients", r.recipients());
        page.retention(r);
        page.transfers(r.internationalTransfers());
        page.security(r);
        page.counts(r.counts());
        page.html.append("</body></html>\n");
        return page.html.toString();
    }

    private void head(RecordsOfProcessingView r) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Records of processing: ")
                .append(Html.escape(r.project().name()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>Records of processing activities</h1>\n<p>GDPR Art. 30 record of")
                .append(" the project <strong>")
                .append(Html.escape(r.project().name()))
                .append("</strong> (")
                .append(Html.escape(r.project().id()))
                .append(", language ")
                .append(Html.escape(r.project().language()))
                .append(", consent terms version ")
                .append(r.project().consentTermsVersion())
                .append(", created ")
                .append(Html.escape(r.project().createdAt()))
                .append("), generated ")
                .append(Html.escape(r.generatedAt()))
                .append(".</p>\n");
    }

    private void parties(RecordsOfProcessingView r) {
        section("Controller and processor");
        html.append("<table>\n");
        row("controller", r.controller().name() + " (" + r.controller().id() + ")");
        row("processor", r.processor().name() + " (" + r.processor().id() + ")");
        html.append("</table>\n");
    }

    private void purposes(RecordsOfProcessingView r) {
        section("Purposes");
        var forbidden = r.purposes().forbidden();
        html.append("<table>\n");
        row("allowed", String.join(", ", r.purposes().allowed()));
        row("forbidden", forbidden.isEmpty() ? "none" : String.join(", ", forbidden));
        html.append("</table>\n");
    }

    private void dataCategories(List<DataCategory> categories) {
        section("Categories of personal data");
        html.append("<table><tr><th>category</th><th>what</th><th>special category</th><th>protection</th></tr>\n");
        for (DataCategory category : categories) {
            html.append("<tr>");
            cell("td", category.name());
            cell("td", category.description());
            cell("td", category.specialCategory() ? "yes (Art. 9)" : "no");
            cell("td", category.protection());
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void categories(String title, List<Category> categories) {
        section(title);
        html.append("<table>\n");
        for (Category category : categories) {
            row(category.name(), category.description());
        }
        html.append("</table>\n");
    }

    private void retention(RecordsOfProcessingView r) {
        section("Retention and erasure");
        var retention = r.retention();
        html.append("<table>\n");
        row("clips", "erased " + retention.clipRetentionDays() + " days after recording");
        row("contributors", "erased whole after " + retention.contributorInactivityDays() + " days without activity");
        row("backups", "kept " + retention.backupRetentionDays() + " days");
        row("erasure", retention.erasure());
        html.append("</table>\n");
    }

    private void transfers(List<String> transfers) {
        section("International transfers");
        paragraph(transfers.isEmpty() ? "None configured." : String.join("; ", transfers));
    }

    private void security(RecordsOfProcessingView r) {
        section("Technical and organisational security measures");
        var s = r.security();
        html.append("<table>\n");
        row("key provider", s.keyProvider());
        row("key-encryption keys", s.keyEncryption());
        row("voice recordings", s.voiceEncryption());
        row("identity", s.identityEncryption());
        row("pseudonymisation", s.pseudonymisation());
        row("ledger", s.ledger() + " (" + s.ledgerEntries() + " entries)");
        row("access control", s.accessControl());
        html.append("</table>\n");
    }

    private void counts(RecordsOfProcessingView.CountsView counts) {
        section("Live counts");
        html.append("<table>\n");
        counts.contributors().forEach((state, count) -> row("contributors, " + lower(state), Long.toString(count)));
        counts.clips().forEach((state, count) -> row("clips, " + lower(state), Long.toString(count)));
        row("consents recorded by staff from paper forms", Long.toString(counts.consentsRecordedByStaff()));
        html.append("</table>\n");
    }

    private static String lower(String state) {
        return state.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void section(String title) {
        html.append("<h2>").append(Html.escape(title)).append("</h2>\n");
    }

    private void paragraph(String text) {
        html.append("<p>").append(Html.escape(text)).append("</p>\n");
    }

    private void row(String header, String value) {
        html.append("<tr>");
        cell("th", header);
        cell("td", value);
        html.append("</tr>\n");
    }

    private void cell(String tag, String text) {
        html.append('<')
                .append(tag)
                .append('>')
                .append(Html.escape(text))
                .append("</")
                .append(tag)
                .append('>');
    }
}
