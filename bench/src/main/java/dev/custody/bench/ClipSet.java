package dev.custody.bench;

import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A set of distinct speech-like WAV clips of one format, generated before any timing starts. */
final class ClipSet {
    private final String name;
    private final List<byte[]> clips;

    private ClipSet(String name, List<byte[]> clips) {
        this.name = name;
        this.clips = clips;
    }

    static ClipSet generate(String name, int count, Duration length, int sampleRate, SampleEncoding encoding) {
        List<byte[]> clips = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] speech = SyntheticSpeech.generate(length, sampleRate, 1_000L + i);
            clips.add(WavEncoder.encode(speech, sampleRate, 1, encoding));
        }
        return new ClipSet(name, List.copyOf(clips));
    }

    String name() {
        return name;
    }

    int size() {
        return clips.size();
    }

    byte[] clip(int index) {
        return clips.get(index);
    }

    long totalBytes() {
        return clips.stream().mapToLong(c -> c.length).sum();
    }
}
