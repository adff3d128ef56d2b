package dev.custody.review;

import dev.custody.CustodyException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Why a reviewer rejected a clip: a controlled vocabulary, so rejections can be counted and shown
 * to contributors without free text. Stored by {@link #code()}, which never changes.
 */
public enum RejectionReason {
    NOISE("noise"),
    WRONG_PROMPT("wrong-prompt"),
    CLIPPING("clipping"),
    SILENCE("silence"),
    NOT_SPEECH("not-speech"),
    OTHER("other");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws CustodyException INVALID_INPUT for a code outside the vocabulary */
    public static RejectionReason of(String code) {
        for (RejectionReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw CustodyException.invalidInput("unknown rejection reason; the vocabulary is "
                + Arrays.stream(values()).map(RejectionReason::code).collect(Collectors.joining(", ")));
    }
}
