package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A check of data at rest failed: {@code check} says which, {@code about} what it concerned (a clip,
 * its contributor and project; nothing for the log itself). Never a key, a byte of the data or the
 * failure's detail: the alarm says where to look, not how the check failed.
 */
public record IntegrityFailed(IntegrityCheck check, List<Subject> about) implements LedgerEvent {
    public IntegrityFailed {
        requireNonNull(check, "check is null");
        about = List.copyOf(requireNonNull(about, "about is null"));
        if (about.size() >= LedgerEntry.MAX_SUBJECTS) {
            throw new IllegalArgumentException("too many subjects");
        }
    }

    @Override
    public Action action() {
        return Action.INTEGRITY_FAILED;
    }

    @Override
    public List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>(about.size() + 1);
        subjects.add(new Subject(SubjectKind.CHECK, check.label()));
        subjects.addAll(about);
        return List.copyOf(subjects);
    }

    @Override
    public Bytes details() {
        DetailsWriter writer = DetailsWriter.of(action()).text(check.label());
        for (Subject subject : about) {
            writer.text(subject.kind()).text(subject.id());
        }
        return writer.build();
    }
}
