package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.ArrayList;
import java.util.List;

/**
 * How an opening of a clip, logged before its key was unwrapped as {@link ClipOpened}, ended: its
 * audio was verified whole and {@code DELIVERED}, or it was refused with the error code named
 * ({@code INTEGRITY_FAILURE}, {@code ERASED}, {@code STORAGE_UNAVAILABLE}...). The outcome is the id of
 * an {@link SubjectKind#OUTCOME} subject, so the entry alone tells it, in a contributor's history
 * and in an export of the log.
 */
public record ClipOpenEnded(ClipId clip, Pseudonym contributor, ProjectId project, String outcome)
        implements LedgerEvent {
    public static final String DELIVERED = "DELIVERED";

    public ClipOpenEnded {
        requireNonNull(clip, "clip is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(outcome, "outcome is null");
        if (!DELIVERED.equals(outcome)) {
            ErrorCode.valueOf(outcome); // throws for anything but an error code's name
        }
    }

    public static ClipOpenEnded delivered(ClipId clip, Pseudonym contributor, ProjectId project) {
        return new ClipOpenEnded(clip, contributor, project, DELIVERED);
    }

    public static ClipOpenEnded refused(ClipId clip, Pseudonym contributor, ProjectId project, ErrorCode code) {
        return new ClipOpenEnded(clip, contributor, project, code.name());
    }

    @Override
    public Action action() {
        return Action.CLIP_OPEN_ENDED;
    }

    @Override
    public List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>(Subjects.of(clip, contributor, project));
        subjects.add(new Subject(SubjectKind.OUTCOME, outcome));
        return List.copyOf(subjects);
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(clip)
                .text(contributor)
                .text(project)
                .text(outcome)
                .build();
    }
}
