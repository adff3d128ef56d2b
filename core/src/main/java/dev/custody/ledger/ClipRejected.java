package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.project.ProjectId;
import java.util.List;

/** A clip was rejected, by an automatic check ({@code reason} is its error code) or in review. */
public record ClipRejected(ClipId clip, ProjectId project, ErrorCode reason) implements LedgerEvent {
    public ClipRejected {
        requireNonNull(clip, "clip is null");
        requireNonNull(project, "project is null");
        requireNonNull(reason, "reason is null");
    }

    @Override
    public Action action() {
        return Action.CLIP_REJECTED;
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
                .text(reason.name())
                .build();
    }
}
