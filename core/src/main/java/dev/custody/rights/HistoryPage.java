package dev.custody.rights;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A page of a contributor's history, newest first, and where the next page starts: the {@code
 * before} to ask with, empty when there is nothing older.
 */
public record HistoryPage(List<HistoryItem> items, Optional<Long> next) {
    public HistoryPage {
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(next, "next is null");
    }
}
