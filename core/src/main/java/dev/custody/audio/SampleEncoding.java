package dev.custody.audio;

/** How samples are stored in the original file. 8-bit PCM and other encodings are refused. */
public enum SampleEncoding {
    PCM_16,
    PCM_24,
    FLOAT_32
}
