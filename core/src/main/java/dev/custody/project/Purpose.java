package dev.custody.project;

import dev.custody.CustodyException;

/**
 * The controlled vocabulary of what recordings may be used for. A project allows some purposes and
 * forbids others; consent terms, grants and reports name them by {@link #code()}, which never
 * changes.
 */
public enum Purpose {
    ASR_TRAINING("asr-training"),
    TTS_TRAINING("tts-training"),
    VOICE_CLONING("voice-cloning"),
    SPEAKER_IDENTIFICATION("speaker-identification"),
    SPEAKER_VERIFICATION("speaker-verification"),
    EMOTION_RECOGNITION("emotion-recognition"),
    LANGUAGE_IDENTIFICATION("language-identification"),
    SPEECH_ENHANCEMENT("speech-enhancement"),
    EVALUATION("evaluation"),
    RESEARCH("research");

    private final String code;

    Purpose(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws CustodyException INVALID_INPUT for a code outside the vocabulary */
    public static Purpose of(String code) {
        for (Purpose purpose : values()) {
            if (purpose.code.equals(code)) {
                return purpose;
            }
        }
        throw CustodyException.invalidInput("unknown purpose; the vocabulary is " + vocabulary());
    }

    private static String vocabulary() {
        var codes = new StringBuilder();
        for (Purpose purpose : values()) {
            codes.append(codes.isEmpty() ? "" : ", ").append(purpose.code);
        }
        return codes.toString();
    }
}
