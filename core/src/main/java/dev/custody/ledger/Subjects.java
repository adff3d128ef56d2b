package dev.custody.ledger;

import dev.custody.clip.ClipId;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.util.ArrayList;
import java.util.List;

/** Maps the typed ids of events to ledger subjects. */
final class Subjects {
    private Subjects() {}

    static List<Subject> of(Object... ids) {
        List<Subject> subjects = new ArrayList<>(ids.length);
        for (Object id : ids) {
            subjects.add(of(id));
        }
        return List.copyOf(subjects);
    }

    private static Subject of(Object id) {
        return switch (id) {
            case ClipId clip -> new Subject(SubjectKind.CLIP, clip.value());
            case Pseudonym contributor -> new Subject(SubjectKind.CONTRIBUTOR, contributor.value());
            case ProjectId project -> new Subject(SubjectKind.PROJECT, project.value());
            case ConsentId consent -> new Subject(SubjectKind.CONSENT, consent.value());
            default -> throw new IllegalArgumentException("not a subject id: " + id.getClass());
        };
    }
}
