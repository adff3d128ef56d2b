package dev.custody.audio;

/**
 * The automatic quality figures stored with every clip.
 *
 * @param clippingRatio fraction of samples at or beyond 0.999 of full scale (a clipped peak rarely
 *     lands exactly on full scale once converted)
 * @param rmsDbfs RMS level of the whole clip in dB relative to full scale ({@code -Infinity} for
 *     digital silence is reported as {@link #SILENCE_DBFS})
 * @param silenceRatio fraction of 20 ms frames quieter than the silence threshold
 * @param snrDb estimated signal-to-noise ratio: loud frames against quiet frames, in dB
 */
public record QualityFigures(double clippingRatio, double rmsDbfs, double silenceRatio, double snrDb) {
    /** The level reported for digital silence, so figures stay finite and storable. */
    public static final double SILENCE_DBFS = -200.0;
}
