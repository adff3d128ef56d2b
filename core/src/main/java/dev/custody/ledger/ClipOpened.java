package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.List;

/**
 * A clip was opened: the access was authorized and logged, before its key was unwrapped; the entry's
 * actor and purpose say who and why. Whether audio left is told by the {@link ClipOpenEnded} entry
 * that follows it.
 */
public record ClipOpened(ClipId clip, Pseudonym contributor, ProjectId project) implements LedgerEvent {
    public ClipOpened {
        requireNonNull(clip, "clip is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
    }

    @Override
    public Action action() {
        return Action.CLIP_OPENED;
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
                .build();
    }
}
