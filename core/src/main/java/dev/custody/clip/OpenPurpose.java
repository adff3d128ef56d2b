package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.project.Purpose;

/**
 * Why a clip is opened, from a controlled vocabulary: one of the platform's own purposes ({@link
 * PlatformPurpose}) or one of the consent vocabulary's data-use purposes ({@link Purpose}), which
 * only a grant that names it may use, and only for clips whose consent allows it.
 */
public sealed interface OpenPurpose {
    /** The code as the ledger records it, for example {@code review} or {@code asr-training}. */
    String code();

    /** A platform purpose. */
    record Platform(PlatformPurpose purpose) implements OpenPurpose {
        public Platform {
            requireNonNull(purpose, "purpose is null");
        }

        @Override
        public String code() {
            return purpose.code();
        }
    }

    /** A data-use purpose of the consent vocabulary. */
    record DataUse(Purpose purpose) implements OpenPurpose {
        public DataUse {
            requireNonNull(purpose, "purpose is null");
        }

        @Override
        public String code() {
            return purpose.code();
        }
    }

    /**
     * The purpose a code names; fails {@code PURPOSE_UNKNOWN} for anything outside both vocabularies
     * (a free word, an empty or malformed value), naming none of the input back.
     */
    static OpenPurpose parse(String code) {
        if (code != null) {
            for (PlatformPurpose platform : PlatformPurpose.values()) {
                if (platform.code().equals(code)) {
                    return new Platform(platform);
                }
            }
            for (Purpose dataUse : Purpose.values()) {
                if (dataUse.code().equals(code)) {
                    return new DataUse(dataUse);
                }
            }
        }
        throw new CustodyException(
                ErrorCode.PURPOSE_UNKNOWN,
                "the purpose must be one of review, quality-check, portability, incident-forensics or a data-use"
                        + " purpose of the consent vocabulary (for example asr-training)");
    }
}
