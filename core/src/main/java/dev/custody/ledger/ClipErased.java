package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.List;

/**
 * One clip's key header was deleted, making that clip unreadable while the contributor's other
 * clips stay readable: consent withdrawn for its project, or its retention expired.
 */
public record ClipErased(ClipId clip, Pseudonym contributor, ProjectId project, ErasureCause cause)
        implements LedgerEvent {
    public ClipErased {
        requireNonNull(clip, "clip is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(cause, "cause is null");
    }

    @Override
    public Action action() {
        return Action.CLIP_ERASED;
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
                .text(cause.name())
                .build();
    }
}
