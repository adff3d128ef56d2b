package dev.custody.egress;

/** Bytes and clips that left for one scope over some period. */
public record EgressUsage(long bytes, long clips) {
    public static final EgressUsage NONE = new EgressUsage(0, 0);
}
