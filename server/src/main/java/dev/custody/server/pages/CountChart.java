package dev.custody.server.pages;

import dev.custody.review.ClipCount;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A bar chart of clip counts, laid out on the server so the page draws it as plain SVG (no script,
 * no inline style): one bar of clips collected per key, with the accepted ones drawn over it. Written
 * by hand because the layout is a few lines of arithmetic; a charting library would need a script.
 */
public record CountChart(int width, int height, int baseline, long max, List<Bar> bars) {
    private static final int HEIGHT = 160;
    private static final int TOP = 10;
    private static final int BASELINE = HEIGHT - 20;
    /** Bars are 6 to 40 pixels apart, as many fit in the minimum width; more widen the chart. */
    private static final int MIN_WIDTH = 300;

    private static final int MIN_SLOT = 6;
    private static final int MAX_SLOT = 40;

    /** One key's bar: its label, its counts, and where the two rectangles go (whole pixels). */
    public record Bar(String label, long collected, long accepted, int x, int width, int collectedY, int acceptedY) {
        public int collectedHeight() {
            return BASELINE - collectedY;
        }

        public int acceptedHeight() {
            return BASELINE - acceptedY;
        }
    }

    public CountChart {
        bars = List.copyOf(bars);
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** A chart of {@code counts} in their order, each labelled by {@code label} of its key. */
    public static CountChart of(List<ClipCount> counts, LongFunction<String> label) {
        long max = counts.stream().mapToLong(ClipCount::collected).max().orElse(0);
        int slot = Math.clamp(MIN_WIDTH / Math.max(counts.size(), 1), MIN_SLOT, MAX_SLOT);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            ClipCount count = counts.get(i);
            bars.add(new Bar(
                    label.apply(count.key()),
                    count.collected(),
                    count.accepted(),
                    i * slot + 2,
                    Math.max(slot - 4, 2),
                    y(count.collected(), max),
                    y(count.accepted(), max)));
        }
        return new CountChart(Math.max(counts.size() * slot + 4, MIN_WIDTH), HEIGHT, BASELINE, max, bars);
    }

    /** Every day from the first to the last with clips (the last {@code days} at most), zeros included. */
    public static List<ClipCount> everyDay(List<ClipCount> byDay, int days) {
        if (byDay.isEmpty()) {
            return List.of();
        }
        long last = byDay.getLast().key();
        long first = Math.max(byDay.getFirst().key(), last - days + 1);
        List<ClipCount> filled = new ArrayList<>();
        int next = 0;
        for (long day = first; day <= last; day++) {
            while (next < byDay.size() && byDay.get(next).key() < day) {
                next++;
            }
            filled.add(
                    next < byDay.size() && byDay.get(next).key() == day ? byDay.get(next) : new ClipCount(day, 0, 0));
        }
        return filled;
    }

    private static int y(long value, long max) {
        return max == 0 ? BASELINE : BASELINE - (int) Math.round((double) value * (BASELINE - TOP) / max);
    }
}
