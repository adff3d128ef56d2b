package dev.custody.audio;

import static dev.custody.audio.RiffBuilder.chunk;
import static dev.custody.audio.RiffBuilder.data;
import static dev.custody.audio.RiffBuilder.extensibleFmt;
import static dev.custody.audio.RiffBuilder.fmt;
import static dev.custody.audio.RiffBuilder.riff;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavDecodingTest {
    @ParameterizedTest
    @CsvSource({"PCM_16, 1, 16", "PCM_16, 2, 16", "PCM_24, 1, 24", "PCM_24, 2, 24", "FLOAT_32, 1, 24", "FLOAT_32, 2, 24"
    })
    void decode_returnsEncodedSamplesExactly(SampleEncoding encoding, int channels, int bits) {
        float[] samples = TestSignals.quantizedNoise(4_000, channels, bits, 42);

        DecodedAudio audio = AudioDecoder.decode(WavEncoder.encode(samples, 22_050, channels, encoding));

        assertThat(audio.info()).isEqualTo(new AudioInfo(AudioContainer.WAV, encoding, 22_050, channels, 4_000));
        assertThat(audio.copySamples()).containsExactly(samples);
    }

    @Test
    void encode_clampsAndRoundsToTheNearestStep() {
        float[] samples = {1.5f, -1.5f, 0.3f / 32768, 1.0f, -1.0f};

        float[] decoded = TestSignals.asDecoded(samples, 16_000, 1, SampleEncoding.PCM_16);

        assertThat(decoded).containsExactly(32767 / 32768f, -1.0f, 0.0f, 32767 / 32768f, -1.0f);
    }

    @Test
    void decode_clampsFloatsBeyondFullScale() {
        float[] decoded = TestSignals.asDecoded(new float[] {1.25f, -3f, 0.5f}, 16_000, 1, SampleEncoding.FLOAT_32);

        assertThat(decoded).containsExactly(1.0f, -1.0f, 0.5f);
    }

    @Test
    void decode_acceptsExtensibleFormatWithPcmAndFloatSubformats() {
        DecodedAudio pcm = AudioDecoder.decode(riff(extensibleFmt(1, 2, 48_000, 24, (byte) 0x71), data(12)));
        DecodedAudio floats = AudioDecoder.decode(riff(extensibleFmt(3, 1, 16_000, 32, (byte) 0x71), data(8)));

        assertThat(pcm.info()).isEqualTo(new AudioInfo(AudioContainer.WAV, SampleEncoding.PCM_24, 48_000, 2, 2));
        assertThat(floats.info()).isEqualTo(new AudioInfo(AudioContainer.WAV, SampleEncoding.FLOAT_32, 16_000, 1, 2));
    }

    @Test
    void decode_skipsUnknownChunksAndTheirPadByte() {
        byte[] pcm = ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 16384)
                .putShort((short) -8192)
                .array();

        DecodedAudio audio = AudioDecoder.decode(riff(
                chunk("LIST", new byte[] {1, 2, 3}),
                fmt(1, 1, 16_000, 16),
                chunk("junk", new byte[5]),
                chunk("data", pcm)));

        assertThat(audio.copySamples()).containsExactly(0.5f, -0.25f);
    }

    @Test
    void decode_acceptsAMissingPadByteAfterTheLastChunk() {
        byte[] file = riff(fmt(1, 1, 16_000, 16), data(2), chunk("note", new byte[] {7}));
        byte[] unpadded = RiffBuilder.withInt(Arrays.copyOf(file, file.length - 1), 4, file.length - 9);

        assertThat(AudioDecoder.decode(unpadded).info().frames()).isEqualTo(1);
    }

    @Test
    void decodedAudio_doesNotShareItsSamples() {
        DecodedAudio audio =
                AudioDecoder.decode(WavEncoder.encode(new float[] {0.5f}, 16_000, 1, SampleEncoding.PCM_16));

        audio.copySamples()[0] = 0.25f;

        assertThat(audio.copySamples()).containsExactly(0.5f);
        assertThat(audio.toString()).doesNotContain("0.5");
    }
}
