package dev.custody.review;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.TextField;
import dev.custody.ledger.ReviewVerdict;
import java.util.Optional;

/**
 * A reviewer's judgement of one clip: accept, or reject with a reason from the controlled
 * vocabulary; either with an optional note of at most {@value #MAX_NOTE_LENGTH} characters (no
 * control characters). The note is kept in the database beside the verdict and never enters the
 * ledger. The constructor throws {@code INVALID_INPUT} for a rejection without a reason, an
 * acceptance with one, or a malformed note.
 */
public record Verdict(ReviewVerdict outcome, Optional<RejectionReason> reason, Optional<String> note) {
    public static final int MAX_NOTE_LENGTH = 500;

    public Verdict {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(note, "note is null");
        if ((outcome == ReviewVerdict.REJECTED) != reason.isPresent()) {
            throw CustodyException.invalidInput(
                    outcome == ReviewVerdict.REJECTED
                            ? "a rejection needs a reason"
                            : "an acceptance has no rejection reason");
        }
        note.ifPresent(text -> TextField.require(text, "note", MAX_NOTE_LENGTH));
    }

    public static Verdict accept() {
        return new Verdict(ReviewVerdict.ACCEPTED, Optional.empty(), Optional.empty());
    }

    public static Verdict reject(RejectionReason reason) {
        return new Verdict(ReviewVerdict.REJECTED, Optional.of(reason), Optional.empty());
    }

    public Verdict withNote(String text) {
        return new Verdict(outcome, reason, Optional.of(text));
    }

    @Override
    public String toString() {
        // The note is a reviewer's free text about someone's voice: never in a log line.
        return "Verdict[" + outcome + reason.map(r -> ", " + r.code()).orElse("") + "]";
    }
}
