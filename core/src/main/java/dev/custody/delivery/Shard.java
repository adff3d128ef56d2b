package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;
import java.util.regex.Pattern;

/** A finished shard: its file name, length, SHA-256 and the samples it holds, in tar order. */
public record Shard(String name, long bytes, Bytes sha256, List<DeliveredSample> samples) {
    /** {@code shard-000000.tar}, {@code shard-000001.tar}, ...: WebDataset's brace pattern names them all. */
    static final Pattern NAME = Pattern.compile("shard-[0-9]{6}\\.tar");

    public Shard {
        requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a shard is named shard-NNNNNN.tar");
        }
        requireNonNull(sha256, "sha256 is null");
        if (sha256.length() != 32 || bytes <= 0) {
            throw new IllegalArgumentException("malformed shard");
        }
        samples = List.copyOf(requireNonNull(samples, "samples is null"));
    }

    static String name(int number) {
        return "shard-%06d.tar".formatted(number);
    }
}
