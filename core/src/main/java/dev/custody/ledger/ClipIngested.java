package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.List;

/** A clip passed ingest and was stored; {@code contentHash} is the SHA-256 of the stored ciphertext. */
public record ClipIngested(ClipId clip, Pseudonym contributor, ProjectId project, Bytes contentHash)
        implements LedgerEvent {
    public ClipIngested {
        requireNonNull(clip, "clip is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(contentHash, "contentHash is null");
    }

    @Override
    public Action action() {
        return Action.CLIP_INGESTED;
    }

    @Override
    public List<Subject> subjects() {
        return Subjects.of(clip, contributor, project);
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(clip)
                .text(contributor)
                .text(project)
                .hash(contentHash)
                .build();
    }
}
