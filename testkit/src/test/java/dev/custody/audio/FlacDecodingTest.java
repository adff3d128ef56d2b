package dev.custody.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the decoder against files written by the reference encoder. */
class FlacDecodingTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "PCM_16, 1, 16000, -0",
        "PCM_16, 2, 16000, -0",
        "PCM_24, 1, 48000, -0",
        "PCM_24, 2, 48000, -0",
        "PCM_16, 1, 44100, -8",
        "PCM_16, 2, 48000, -8",
        "PCM_24, 1, 96000, -8",
        "PCM_24, 2, 22050, -8",
        "PCM_16, 2, 48000, -8 --lax -l 32",
        "PCM_24, 2, 48000, -8 --lax -l 32",
        "PCM_16, 1, 16000, -5 -b 1000",
        "PCM_16, 2, 32000, -3 -b 192",
        "PCM_24, 1, 11025, --lax -8 -b 4608",
        "PCM_16, 1, 8000, -6 -r 0",
        "PCM_16, 2, 24000, -2",
    })
    void decode_matchesTheWavTheReferenceEncoderRead(
            SampleEncoding encoding, int channels, int sampleRate, String options) {
        float[] signal = TestSignals.speech(Duration.ofMillis(1_500), sampleRate, channels, sampleRate + channels);

        assertFlacDecodesLikeWav(WavEncoder.encode(signal, sampleRate, channels, encoding), options.split(" "));
    }

    @Test
    void decode_handlesFullScaleNoiseAsVerbatimSubframes() {
        float[] noise = TestSignals.quantizedNoise(20_000, 2, 16, 7);

        assertFlacDecodesLikeWav(WavEncoder.encode(noise, 16_000, 2, SampleEncoding.PCM_16), "-8");
    }

    @Test
    void decode_handlesDigitalSilenceAsConstantSubframes() {
        assertFlacDecodesLikeWav(WavEncoder.encode(new float[30_000], 48_000, 1, SampleEncoding.PCM_24), "-8");
    }

    @Test
    void decode_handlesWastedBits() {
        float[] speech = TestSignals.speech(Duration.ofSeconds(1), 16_000, 2, 3);
        for (int i = 0; i < speech.length; i++) {
            speech[i] = Math.round(speech[i] * 2048) / 2048f; // the low 5 of 16 bits are always zero
        }

        assertFlacDecodesLikeWav(WavEncoder.encode(speech, 16_000, 2, SampleEncoding.PCM_16), "-8");
    }

    @Test
    void decode_handlesStereoChannelsThatDifferWildly() {
        float[] left = TestSignals.speech(Duration.ofSeconds(1), 16_000, 1, 11);
        float[] stereo = new float[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            stereo[2 * i] = left[i];
            stereo[2 * i + 1] = -left[i] * 0.99f; // side is large, mid small: favors other modes
        }

        assertFlacDecodesLikeWav(WavEncoder.encode(stereo, 16_000, 2, SampleEncoding.PCM_24), "-8");
    }

    private void assertFlacDecodesLikeWav(byte[] wav, String... options) {
        byte[] flac = FlacTool.encode(wav, dir, options);

        DecodedAudio expected = AudioDecoder.decode(wav);
        DecodedAudio actual = AudioDecoder.decode(flac);

        AudioInfo info = expected.info();
        assertThat(actual.info())
                .isEqualTo(new AudioInfo(
                        AudioContainer.FLAC, info.encoding(), info.sampleRate(), info.channels(), info.frames()));
        assertThat(Arrays.mismatch(actual.copySamples(), expected.copySamples()))
                .as("first differing sample for flac %s", String.join(" ", options))
                .isEqualTo(-1);
    }
}
