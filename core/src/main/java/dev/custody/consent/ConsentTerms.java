package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.Sha256;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.Purposes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One published version of a project's consent terms: what the recordings may and may not be used
 * for, how long they are kept, who receives them, the contributor's rights, the legal basis and the
 * text the contributor reads. Versions are immutable; publishing a new one requires fresh consent.
 *
 * <p>The document is identified by {@link #sha256()}, the SHA-256 of its canonical bytes ({@link
 * #canonical()}, laid out in {@link TermsFormat}), which bind the project id and the version too: the
 * hash a contributor consents to names exactly one document of one project. The publication time is
 * not part of the document. Fields are validated as in {@link TermsDraft}; the version must be at
 * least 1 and the retention between 1 day and 3 years, else {@code INVALID_INPUT}.
 */
public record ConsentTerms(
        ProjectId project,
        int version,
        Purposes purposes,
        Duration retention,
        List<String> recipients,
        Set<ConsentRight> rights,
        Set<LegalBasis> legalBases,
        String text,
        Instant publishedAt) {
    public ConsentTerms {
        requireNonNull(project, "project is null");
        if (version < 1) {
            throw CustodyException.invalidInput("a terms version is at least 1");
        }
        requireNonNull(purposes, "purposes is null");
        requireNonNull(retention, "retention is null");
        if (retention.compareTo(Duration.ofDays(1)) < 0 || retention.compareTo(Project.MAX_RETENTION) > 0) {
            throw CustodyException.invalidInput("retention must be between 1 day and 3 years");
        }
        recipients = TermsRules.recipients(recipients);
        rights = TermsRules.rights(rights);
        legalBases = TermsRules.legalBases(legalBases);
        text = TermsRules.text(text);
        requireNonNull(publishedAt, "publishedAt is null");
    }

    /**
     * The draft as version {@code version} of the project's terms. Fails {@code INVALID_INPUT} if the
     * draft allows other purposes than the project, forbids fewer, or keeps recordings for another
     * period: the terms say what the project does, no more and no less.
     */
    public static ConsentTerms of(Project project, int version, TermsDraft draft, Instant publishedAt) {
        requireNonNull(project, "project is null");
        requireNonNull(draft, "draft is null");
        Purposes purposes = draft.purposes().orElse(project.purposes());
        if (!purposes.allowed().equals(project.purposes().allowed())
                || !purposes.forbidden().containsAll(project.purposes().forbidden())) {
            throw CustodyException.invalidInput(
                    "the terms must allow exactly the project's purposes and forbid at least those it forbids");
        }
        Duration retention = draft.retention().orElse(project.retention());
        if (!retention.equals(project.retention())) {
            throw CustodyException.invalidInput("the terms' retention must be the project's");
        }
        return new ConsentTerms(
                project.id(),
                version,
                purposes,
                retention,
                draft.recipients(),
                draft.rights(),
                draft.legalBases(),
                draft.text(),
                publishedAt);
    }

    /** The canonical document, as UTF-8 text. */
    public String canonical() {
        return TermsFormat.encode(this);
    }

    /** The SHA-256 of the canonical document's UTF-8 bytes: what consent is given to. */
    public Bytes sha256() {
        return Sha256.of(canonical().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a canonical document back, strictly; fails {@code INTEGRITY_FAILURE} for anything that
     * is not byte for byte what {@link #canonical()} wrote (a stored document that was altered).
     */
    public static ConsentTerms parse(String canonical, Instant publishedAt) {
        return TermsFormat.decode(requireNonNull(canonical, "canonical is null"), publishedAt);
    }
}
