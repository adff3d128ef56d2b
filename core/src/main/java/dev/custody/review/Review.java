package dev.custody.review;

import static java.util.Objects.requireNonNull;

import dev.custody.access.AccountId;
import dev.custody.clip.ClipId;
import java.time.Instant;

/** One reviewer's verdict on one clip, as stored; a reviewer judges a clip at most once. */
public record Review(ClipId clip, AccountId reviewer, Verdict verdict, Instant reviewedAt) {
    public Review {
        requireNonNull(clip, "clip is null");
        requireNonNull(reviewer, "reviewer is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(reviewedAt, "reviewedAt is null");
    }
}
