package dev.custody.contributor;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.Sha256;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A contributor's explicit consent to one version of a project's terms, identified by the terms
 * document's SHA-256; the index of the ledger entry that logged it (absent only for consents recorded
 * before entries were linked); and, once withdrawn, when. A withdrawn consent never allows
 * recording again: the contributor consents anew. A consent collected outside Custody on a signed
 * paper form and recorded by staff carries the SHA-256 of the scanned form ({@link
 * #paperFormSha256}); {@link #recordedByStaff} marks it wherever it shows, so that whoever relies
 * on it (the contributor, the records of processing, a buyer) can tell it from the contributor's own
 * electronic signature, and exclude it.
 */
public record ConsentRecord(
        ConsentId id,
        Pseudonym contributor,
        ProjectId project,
        int termsVersion,
        Bytes termsHash,
        Instant givenAt,
        OptionalLong ledgerIndex,
        Optional<Instant> withdrawnAt,
        Optional<Bytes> paperFormSha256) {
    public ConsentRecord {
        requireNonNull(id, "id is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        if (termsVersion < 1) {
            throw new IllegalArgumentException("terms version must be positive");
        }
        requireNonNull(termsHash, "termsHash is null");
        if (termsHash.length() != 32) {
            throw new IllegalArgumentException("termsHash must be a SHA-256 hash");
        }
        requireNonNull(givenAt, "givenAt is null");
        requireNonNull(ledgerIndex, "ledgerIndex is null");
        requireNonNull(withdrawnAt, "withdrawnAt is null");
        requireNonNull(paperFormSha256, "paperFormSha256 is null");
        if (paperFormSha256.isPresent() && paperFormSha256.get().length() != 32) {
            throw new IllegalArgumentException("paperFormSha256 must be a SHA-256 hash");
        }
    }

    /** A consent just given, logged at ledger index {@code ledgerIndex}; from a paper form if its hash is given. */
    public static ConsentRecord given(
            ConsentId id,
            Pseudonym contributor,
            ProjectId project,
            int termsVersion,
            Bytes termsHash,
            Instant givenAt,
            long ledgerIndex,
            Optional<Bytes> paperFormSha256) {
        return new ConsentRecord(
                id,
                contributor,
                project,
                termsVersion,
                termsHash,
                givenAt,
                OptionalLong.of(ledgerIndex),
                Optional.empty(),
                paperFormSha256);
    }

    /** Whether staff recorded this consent from a signed paper form, rather than the contributor themselves. */
    public boolean recordedByStaff() {
        return paperFormSha256.isPresent();
    }

    /** Whether this consent still stands. */
    public boolean active() {
        return withdrawnAt.isEmpty();
    }

    /**
     * The hash that consents recorded before terms were documents of their own were logged with
     * (project and version only). Stored consents without a document hash read back with it, so a
     * record and its ledger entry keep agreeing.
     */
    public static Bytes legacyTermsHash(ProjectId project, int version) {
        return Sha256.of("custody-terms/1|" + project + "|" + version);
    }
}
