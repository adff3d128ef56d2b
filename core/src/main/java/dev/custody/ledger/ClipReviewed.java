package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.clip.ClipId;
import dev.custody.project.ProjectId;
import java.util.List;

/** A reviewer accepted or rejected a clip. */
public record ClipReviewed(ClipId clip, ProjectId project, ReviewVerdict verdict) implements LedgerEvent {
    public ClipReviewed {
        requireNonNull(clip, "clip is null");
        requireNonNull(project, "project is null");
        requireNonNull(verdict, "verdict is null");
    }

    @Override
    public Action action() {
        return Action.CLIP_REVIEWED;
    }

    @Override
    public List<Subject> subjects() {
        return Subjects.of(clip, project);
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(clip)
                .text(project)
                .text(verdict.name())
                .build();
    }
}
