package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.Money;
import java.util.regex.Pattern;

/**
 * What a client commissions in a project: the language spoken (a BCP 47 tag such as {@code
 * "en-GB"}), how many accepted clips it wants, how many clips one contributor may record of each
 * prompt, how many reviewers must accept a clip, and what a contributor earns per accepted clip.
 */
public record Commission(
        String language, int targetClips, int clipsPerPrompt, int reviewCount, Money payPerAcceptedClip) {
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    public Commission {
        requireNonNull(language, "language is null");
        if (!LANGUAGE_TAG.matcher(language).matches()) {
            throw CustodyException.invalidInput("language must be a BCP 47 tag such as en or en-GB");
        }
        if (targetClips < 1 || targetClips > 100_000_000) {
            throw CustodyException.invalidInput("target clip count must be between 1 and 100000000");
        }
        if (clipsPerPrompt < 1 || clipsPerPrompt > 1_000) {
            throw CustodyException.invalidInput("clips per prompt must be between 1 and 1000");
        }
        if (reviewCount < 1 || reviewCount > 10) {
            throw CustodyException.invalidInput("review count must be between 1 and 10");
        }
        requireNonNull(payPerAcceptedClip, "payPerAcceptedClip is null");
        if (payPerAcceptedClip.isNegative()) {
            throw CustodyException.invalidInput("pay per accepted clip must not be negative");
        }
    }
}
