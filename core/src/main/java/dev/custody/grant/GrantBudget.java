package dev.custody.grant;

import dev.custody.CustodyException;

/**
 * How much a grant may deliver: bytes and clips per hour, per day and in total. Every figure is
 * positive, and the hourly is at most the daily, the daily at most the total; else INVALID_INPUT.
 */
public record GrantBudget(
        long bytesPerHour, long bytesPerDay, long bytesTotal, long clipsPerHour, long clipsPerDay, long clipsTotal) {
    public GrantBudget {
        requireOrdered("bytes", bytesPerHour, bytesPerDay, bytesTotal);
        requireOrdered("clips", clipsPerHour, clipsPerDay, clipsTotal);
    }

    private static void requireOrdered(String what, long perHour, long perDay, long total) {
        if (perHour < 1 || perDay < 1 || total < 1) {
            throw CustodyException.invalidInput("every " + what + " budget of a grant is at least 1");
        }
        if (perHour > perDay || perDay > total) {
            throw CustodyException.invalidInput(
                    "a grant's " + what + " per hour are at most per day, and per day at most in total");
        }
    }
}
