package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custody.CustodyException;
import dev.custody.Sha256;
import dev.custody.audio.AudioContainer;
import dev.custody.audio.AudioDecoder;
import dev.custody.audio.DecodedAudio;
import dev.custody.audio.WavEncoder;

/**
 * Turns a {@link DeliveryItem} into the two files of its sample: the audio as WAV (a FLAC upload is
 * decoded and written as WAV of the same encoding, which for 16- and 24-bit PCM is lossless), and
 * the JSON that describes it:
 *
 * <pre>
 * {"prompt": "...", "language": "en-GB", "duration_s": 5.0, "frames": 80000, "sample_rate": 16000,
 *  "speaker": "LABEL", "consent": {"terms_version": 1, "terms_sha256": "HEX", "purposes": ["asr-training"]},
 *  "collected_on": "2026-12-08",
 *  "quality": {"clipping_ratio": 0.0, "rms_dbfs": -20.1, "silence_ratio": 0.1, "snr_db": 31.0}}
 * </pre>
 *
 * <p>Thread-safe: samples are prepared on many threads at once.
 */
final class SamplePreparation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryKeys keys;

    SamplePreparation(DeliveryKeys keys) {
        this.keys = requireNonNull(keys, "keys is null");
    }

    /** The item's sample key, without opening it. */
    String key(DeliveryItem item) {
        return checkedName(keys.sampleKey(item.clip()));
    }

    PreparedSample prepare(DeliveryItem item) {
        String key = key(item);
        byte[] wav = asWav(item.audio().open());
        byte[] json = json(item.metadata(), checkedName(keys.speakerLabel(item.speaker())));
        SampleMetadata metadata = item.metadata();
        var described = new DeliveredSample(
                key,
                Sha256.of(wav),
                wav.length,
                Sha256.of(json),
                item.ingestLedgerIndex(),
                metadata.consentTermsVersion(),
                metadata.consentTermsSha256(),
                metadata.sampleRate(),
                metadata.collectedOn(),
                metadata.consentRecordedByStaff());
        return new PreparedSample(described, wav, json);
    }

    static byte[] asWav(byte[] audio) {
        DecodedAudio decoded = null;
        if (audio.length >= 4 && audio[0] == 'f' && audio[1] == 'L' && audio[2] == 'a' && audio[3] == 'C') {
            decoded = AudioDecoder.decode(audio);
        }
        if (decoded == null) {
            if (audio.length < 12 || audio[0] != 'R' || audio[1] != 'I' || audio[2] != 'F' || audio[3] != 'F') {
                // The custodian verified these bytes against their ingest hash: anything else is damage.
                throw CustodyException.integrityFailure();
            }
            return audio;
        }
        if (decoded.info().container() != AudioContainer.FLAC) {
            throw CustodyException.integrityFailure();
        }
        var info = decoded.info();
        return WavEncoder.encode(decoded.copySamples(), info.sampleRate(), info.channels(), info.encoding());
    }

    private static byte[] json(SampleMetadata metadata, String speaker) {
        ObjectNode root = JSON.createObjectNode();
        root.put("prompt", metadata.promptText());
        root.put("language", metadata.language());
        root.put("duration_s", metadata.durationSeconds());
        root.put("frames", metadata.frames());
        root.put("sample_rate", metadata.sampleRate());
        root.put("speaker", speaker);
        ObjectNode consent = root.putObject("consent");
        consent.put("terms_version", metadata.consentTermsVersion());
        consent.put("terms_sha256", metadata.consentTermsSha256().hex());
        metadata.consentPurposes().forEach(consent.putArray("purposes")::add);
        consent.put("recorded_by_staff", metadata.consentRecordedByStaff());
        root.put("collected_on", metadata.collectedOn().toString());
        ObjectNode quality = root.putObject("quality");
        quality.put("clipping_ratio", metadata.quality().clippingRatio());
        quality.put("rms_dbfs", metadata.quality().rmsDbfs());
        quality.put("silence_ratio", metadata.quality().silenceRatio());
        quality.put("snr_db", metadata.quality().snrDb());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static String checkedName(String name) {
        if (name == null || !DeliveredSample.validName(name)) {
            throw new IllegalStateException("delivery keys must be 1 to 64 of [0-9a-f]");
        }
        return name;
    }
}
