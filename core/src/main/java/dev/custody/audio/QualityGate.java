package dev.custody.audio;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The automatic quality check every clip passes before a reviewer hears it.
 *
 * <p>{@link #measure} computes, over all channels:
 *
 * <ul>
 *   <li><b>clipping ratio</b>: the fraction of samples with {@code |x| >= 0.999};
 *   <li><b>RMS</b> of the whole clip in dBFS, or {@link QualityFigures#SILENCE_DBFS} when every
 *       sample is zero;
 *   <li><b>silence ratio</b>: the fraction of 20 ms frames whose RMS is below -60 dBFS (a clip
 *       shorter than one frame counts as one frame);
 *   <li><b>SNR estimate</b>: {@code 10 log10(E95 / E10)}, where E95 and E10 are the 95th- and
 *       10th-percentile frame energies. Speech has pauses, so its quietest tenth of frames is the
 *       background noise and its loudest twentieth is speech; a steady noise has equal percentiles
 *       and scores near 0 dB. Energies are floored at 1e-10 (-100 dBFS), so the estimate lies in
 *       [0, 100] dB. It underestimates speech without any pause, which is why the default limit
 *       is modest.
 * </ul>
 *
 * <p>{@link #assess} fails with a {@link CustodyException} whose message states the measured figure
 * and the limit, checking in this order: {@link ErrorCode#AUDIO_SAMPLE_RATE_OUT_OF_RANGE}, {@link
 * ErrorCode#AUDIO_TOO_SHORT}, {@link ErrorCode#AUDIO_TOO_LONG}, then on the figures {@link
 * ErrorCode#AUDIO_SILENT} (digital silence, or too many silent frames), {@link
 * ErrorCode#AUDIO_TOO_QUIET}, {@link ErrorCode#AUDIO_CLIPPED}, {@link ErrorCode#AUDIO_NOISY}.
 */
public final class QualityGate {
    static final double CLIP_LEVEL = 0.999;
    static final double SILENT_FRAME_ENERGY = 1e-6; // -60 dBFS
    private static final int FRAMES_PER_SECOND = 50; // 20 ms frames
    private static final double ENERGY_FLOOR = 1e-10;
    private static final double MAX_SNR_DB = 100.0;

    private QualityGate() {}

    /**
     * Checks {@code audio} against {@code limits}; returns its figures when it passes.
     *
     * @throws CustodyException with the first failing check's code, in the order given above
     */
    public static QualityFigures assess(DecodedAudio audio, AudioLimits limits) {
        requireNonNull(audio, "audio is null");
        requireNonNull(limits, "limits is null");
        checkFormat(audio.info(), limits);
        QualityFigures figures = measure(audio);
        checkFigures(figures, limits);
        return figures;
    }

    /** Measures {@code audio} without judging it, in one pass over the samples. */
    public static QualityFigures measure(DecodedAudio audio) {
        requireNonNull(audio, "audio is null");
        float[] samples = audio.samples();
        // Whole 20 ms frames of all channels; samples after the last whole frame count only for
        // clipping and RMS; a clip shorter than a frame is one frame.
        int frameLength = audio.info().channels() * Math.max(1, audio.info().sampleRate() / FRAMES_PER_SECOND);
        int length = Math.min(frameLength, samples.length);
        double[] energies = new double[Math.max(1, samples.length / frameLength)];
        long clipped = 0;
        double total = 0;
        int i = 0;
        for (int f = 0; f < energies.length; f++) {
            int end = i + length;
            // Four running sums, not one: a single chain of dependent additions would wait on each
            // add's latency, and this loop runs over every sample of every clip.
            double sum0 = 0;
            double sum1 = 0;
            double sum2 = 0;
            double sum3 = 0;
            for (; i + 3 < end; i += 4) {
                clipped += clipped(samples[i])
                        + clipped(samples[i + 1])
                        + clipped(samples[i + 2])
                        + clipped(samples[i + 3]);
                sum0 += (double) samples[i] * samples[i];
                sum1 += (double) samples[i + 1] * samples[i + 1];
                sum2 += (double) samples[i + 2] * samples[i + 2];
                sum3 += (double) samples[i + 3] * samples[i + 3];
            }
            for (; i < end; i++) {
                clipped += clipped(samples[i]);
                sum0 += (double) samples[i] * samples[i];
            }
            double sum = (sum0 + sum1) + (sum2 + sum3);
            energies[f] = length == 0 ? 0 : sum / length;
            total += sum;
        }
        for (; i < samples.length; i++) {
            clipped += clipped(samples[i]);
            total += (double) samples[i] * samples[i];
        }
        long silent = 0;
        for (double energy : energies) {
            silent += energy < SILENT_FRAME_ENERGY ? 1 : 0;
        }
        int n = Math.max(1, samples.length);
        double rms = total == 0 ? QualityFigures.SILENCE_DBFS : 10 * Math.log10(total / n);
        return new QualityFigures((double) clipped / n, rms, (double) silent / energies.length, snr(energies));
    }

    private static int clipped(float sample) {
        return Math.abs(sample) >= CLIP_LEVEL ? 1 : 0;
    }

    private static double snr(double[] energies) {
        double[] sorted = energies.clone();
        Arrays.sort(sorted);
        double loud = Math.max(percentile(sorted, 0.95), ENERGY_FLOOR);
        double quiet = Math.max(percentile(sorted, 0.10), ENERGY_FLOOR);
        return Math.min(MAX_SNR_DB, 10 * Math.log10(loud / quiet));
    }

    /** Nearest-rank percentile of an ascending array. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static void checkFormat(AudioInfo info, AudioLimits limits) {
        if (info.sampleRate() < limits.minSampleRate() || info.sampleRate() > limits.maxSampleRate()) {
            throw fail(
                    ErrorCode.AUDIO_SAMPLE_RATE_OUT_OF_RANGE,
                    "sample rate %d Hz is outside %d to %d Hz",
                    info.sampleRate(),
                    limits.minSampleRate(),
                    limits.maxSampleRate());
        }
        double seconds = info.frames() / (double) info.sampleRate();
        if (info.duration().compareTo(limits.minDuration()) < 0) {
            throw fail(
                    ErrorCode.AUDIO_TOO_SHORT,
                    "clip lasts %.2f s, minimum %.2f s",
                    seconds,
                    seconds(limits.minDuration()));
        }
        if (info.duration().compareTo(limits.maxDuration()) > 0) {
            throw fail(
                    ErrorCode.AUDIO_TOO_LONG,
                    "clip lasts %.2f s, maximum %.2f s",
                    seconds,
                    seconds(limits.maxDuration()));
        }
    }

    private static void checkFigures(QualityFigures figures, AudioLimits limits) {
        if (figures.rmsDbfs() == QualityFigures.SILENCE_DBFS) {
            throw fail(ErrorCode.AUDIO_SILENT, "clip is digital silence");
        }
        if (figures.silenceRatio() > limits.maxSilenceRatio()) {
            throw fail(
                    ErrorCode.AUDIO_SILENT,
                    "%.1f%% of the clip is silent, maximum %.1f%%",
                    100 * figures.silenceRatio(),
                    100 * limits.maxSilenceRatio());
        }
        if (figures.rmsDbfs() < limits.minRmsDbfs()) {
            throw fail(
                    ErrorCode.AUDIO_TOO_QUIET,
                    "level %.1f dBFS, minimum %.1f dBFS",
                    figures.rmsDbfs(),
                    limits.minRmsDbfs());
        }
        if (figures.clippingRatio() > limits.maxClippingRatio()) {
            throw fail(
                    ErrorCode.AUDIO_CLIPPED,
                    "%.2f%% of samples are clipped, maximum %.2f%%",
                    100 * figures.clippingRatio(),
                    100 * limits.maxClippingRatio());
        }
        if (figures.snrDb() < limits.minSnrDb()) {
            throw fail(
                    ErrorCode.AUDIO_NOISY,
                    "estimated SNR %.1f dB, minimum %.1f dB",
                    figures.snrDb(),
                    limits.minSnrDb());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static CustodyException fail(ErrorCode code, String format, Object... args) {
        return new CustodyException(code, String.format(Locale.ROOT, format, args));
    }
}
