package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.List;

/**
 * Staff recorded a consent that the contributor gave outside Custody, on a signed paper form: logged
 * beside the consent's {@link ConsentGiven}, with the SHA-256 of the scanned form as its evidence.
 * The witness's name is sealed with the consent, never logged.
 */
public record PaperConsentRecorded(Pseudonym contributor, ProjectId project, ConsentId consent, Bytes formSha256)
        implements LedgerEvent {
    public PaperConsentRecorded {
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(consent, "consent is null");
        requireNonNull(formSha256, "formSha256 is null");
        if (formSha256.length() != MerkleHashes.HASH_LENGTH) {
            throw new IllegalArgumentException("formSha256 must be a SHA-256 hash");
        }
    }

    @Override
    public Action action() {
        return Action.PAPER_CONSENT_RECORDED;
    }

    @Override
    public List<Subject> subjects() {
        return Subjects.of(contributor, project, consent);
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(contributor)
                .text(project)
                .text(consent)
                .hash(formSha256)
                .build();
    }
}
