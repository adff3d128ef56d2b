package dev.custody.audio;

/** The file formats Custody accepts. */
public enum AudioContainer {
    WAV,
    FLAC
}
