package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;

/**
 * What an upload's idempotency key recorded: the SHA-256 of the request it came with (its project,
 * contributor, prompt and bytes), the clip it stored, and the consent terms version its receipt
 * names, so the same receipt can be rebuilt for a retry.
 */
public record KeyedUpload(Bytes requestSha256, ClipId clip, int consentTermsVersion) {
    public KeyedUpload {
        requireNonNull(requestSha256, "requestSha256 is null");
        requireNonNull(clip, "clip is null");
        if (requestSha256.length() != 32) {
            throw new IllegalArgumentException("requestSha256 must be a SHA-256");
        }
        if (consentTermsVersion < 1) {
            throw new IllegalArgumentException("consent terms version must be at least 1");
        }
    }
}
