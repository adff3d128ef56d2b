package dev.custody.egress;

import dev.custody.CustodyException;

/** Bytes and clips per hour and per day: each at least 1, hourly at most daily; else INVALID_INPUT. */
public record EgressBudget(long bytesPerHour, long bytesPerDay, long clipsPerHour, long clipsPerDay) {
    public EgressBudget {
        if (bytesPerHour < 1 || clipsPerHour < 1 || bytesPerHour > bytesPerDay || clipsPerHour > clipsPerDay) {
            throw CustodyException.invalidInput(
                    "an egress budget is at least 1 byte and 1 clip an hour, and an hour's at most a day's");
        }
    }
}
