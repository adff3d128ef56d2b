package dev.custody.server.pages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One version of a project's consent terms as its page shows them: vocabulary codes (purposes,
 * rights, legal bases) that the page puts in plain words in the reader's language, and the text
 * exactly as published.
 */
public record TermsPage(
        String project,
        String projectName,
        int version,
        String sha256,
        List<String> purposesAllowed,
        List<String> purposesForbidden,
        long retentionDays,
        List<String> recipients,
        List<String> rights,
        List<String> legalBases,
        String text,
        String publishedAt) {
    public TermsPage {
        requireNonNull(project, "project is null");
        requireNonNull(projectName, "projectName is null");
        requireNonNull(sha256, "sha256 is null");
        purposesAllowed = List.copyOf(purposesAllowed);
        purposesForbidden = List.copyOf(purposesForbidden);
        recipients = List.copyOf(recipients);
        rights = List.copyOf(rights);
        legalBases = List.copyOf(legalBases);
        requireNonNull(text, "text is null");
        requireNonNull(publishedAt, "publishedAt is null");
    }
}
