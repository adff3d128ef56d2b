package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code croissant.json}: the delivery described in Croissant 1.1 (JSON-LD, its {@code @context}
 * inline, as the specification's appendix gives it, so it expands with no network) with the
 * Responsible-AI vocabulary: how and when the data was collected, what personal information it
 * holds, what it may and may not be used for, its limits, and the contributors' consent and pay.
 * Every shard is a {@code FileObject} with its SHA-256; the WAV and JSON members are two {@code
 * FileSet}s in them; one record set, keyed by sample key, reads its fields from both.
 */
final class CroissantDocument {
    static final String FILE = "croissant.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root;

    private CroissantDocument(ObjectNode root) {
        this.root = root;
    }

    static CroissantDocument of(DatasetDescription description, List<Shard> shards, Instant published) {
        requireNonNull(description, "description is null");
        ObjectNode root = JSON.createObjectNode();
        root.set("@context", CroissantContext.create(JSON));
        root.put("@type", "sc:Dataset");
        root.put("name", description.name());
        root.put("description", description.description());
        root.put("conformsTo", "http://mlcommons.org/croissant/1.1");
        root.put("url", "urn:custody:delivery");
        root.put("license", description.license());
        root.putObject("creator").put("@type", "sc:Organization").put("name", description.publisher());
        root.put("datePublished", LocalDate.ofInstant(published, ZoneOffset.UTC).toString());
        root.put("isAccessibleForFree", false);
        distribution(root.putArray("distribution"), shards);
        recordSet(root.putArray("recordSet").addObject(), shards);
        responsibleAi(root, description, shards);
        return new CroissantDocument(root);
    }

    byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static void distribution(ArrayNode distribution, List<Shard> shards) {
        for (Shard shard : shards) {
            distribution
                    .addObject()
                    .put("@type", "cr:FileObject")
                    .put("@id", shard.name())
                    .put("name", shard.name())
                    .put("contentUrl", shard.name())
                    .put("contentSize", shard.bytes() + " B")
                    .put("encodingFormat", "application/x-tar")
                    .put("sha256", shard.sha256().hex());
        }
        fileSet(distribution.addObject(), "wav-files", "audio/wav", "*.wav", shards);
        fileSet(distribution.addObject(), "json-files", "application/json", "*.json", shards);
    }

    private static void fileSet(ObjectNode set, String id, String format, String includes, List<Shard> shards) {
        set.put("@type", "cr:FileSet").put("@id", id).put("name", id);
        ArrayNode containedIn = set.putArray("containedIn");
        shards.forEach(shard -> containedIn.addObject().put("@id", shard.name()));
        set.put("encodingFormat", format).put("includes", includes);
    }

    private static void recordSet(ObjectNode records, List<Shard> shards) {
        records.put("@type", "cr:RecordSet").put("@id", "samples").put("name", "samples");
        records.put("description", "One record per sample: {key}.wav and {key}.json of a shard.");
        records.putObject("key").put("@id", "samples/key");
        ArrayNode fields = records.putArray("field");
        ObjectNode key = field(fields, "key", "sc:Text", "json-files", "The sample key, unique in this delivery.");
        key.withObjectProperty("source").putObject("extract").put("fileProperty", "filename");
        key.withObjectProperty("source").putObject("transform").put("regex", "^([0-9a-f]+)\\.json$");
        ObjectNode audio = field(fields, "audio", "sc:AudioObject", "wav-files", "The recording, as WAV.");
        audio.withObjectProperty("source").putObject("extract").put("fileProperty", "content");
        Set<Integer> rates = shards.stream()
                .flatMap(s -> s.samples().stream())
                .map(DeliveredSample::sampleRate)
                .collect(Collectors.toSet());
        if (rates.size() == 1) {
            audio.withObjectProperty("source")
                    .put("samplingRate", rates.iterator().next());
        }
        json(fields, "prompt", "sc:Text", "$.prompt", "The sentence the speaker read.");
        json(fields, "language", "sc:Text", "$.language", "The language of the prompt (BCP 47).");
        json(fields, "speaker", "sc:Text", "$.speaker", "The speaker's label, valid in this delivery only.");
        json(fields, "duration_s", "sc:Float", "$.duration_s", "Length in seconds.");
        json(fields, "sample_rate", "sc:Integer", "$.sample_rate", "Frames per second.");
        json(fields, "consent_terms_version", "sc:Integer", "$.consent.terms_version", "Consent terms version.");
        json(fields, "consent_terms_sha256", "sc:Text", "$.consent.terms_sha256", "SHA-256 of those terms.");
        json(fields, "collected_on", "sc:Date", "$.collected_on", "The day the recording was received.");
        json(fields, "snr_db", "sc:Float", "$.quality.snr_db", "Estimated signal-to-noise ratio.");
    }

    private static void json(ArrayNode fields, String name, String type, String path, String description) {
        field(fields, name, type, "json-files", description)
                .withObjectProperty("source")
                .putObject("extract")
                .put("jsonPath", path);
    }

    private static ObjectNode field(ArrayNode fields, String name, String type, String fileSet, String description) {
        ObjectNode field = fields.addObject()
                .put("@type", "cr:Field")
                .put("@id", "samples/" + name)
                .put("name", name)
                .put("description", description)
                .put("dataType", type);
        field.putObject("source").putObject("fileSet").put("@id", fileSet);
        return field;
    }

    private static void responsibleAi(ObjectNode root, DatasetDescription description, List<Shard> shards) {
        List<LocalDate> days = shards.stream()
                .flatMap(s -> s.samples().stream())
                .map(DeliveredSample::collectedOn)
                .sorted(Comparator.naturalOrder())
                .toList();
        root.put(
                "rai:dataCollection",
                "Paid contributors read the prompts aloud and recorded themselves in a web browser or uploaded"
                        + " WAV or FLAC files. Each gave explicit, written consent (an electronic signature) to"
                        + " versioned consent terms that state the purposes allowed and forbidden, the retention"
                        + " and the right to withdraw, and received a signed receipt for every recording. Every"
                        + " recording passed automatic quality checks and a human review before it was accepted."
                        + " Consent: each sample names the terms version and their SHA-256. Compensation: "
                        + description.compensation() + ".");
        root.putArray("rai:dataCollectionType")
                .add("User-generated content data")
                .add("Self-reporting");
        root.putArray("rai:dataCollectionTimeframe")
                .add(days.getFirst().toString())
                .add(days.getLast().toString());
        root.put(
                "rai:personalSensitiveInformation",
                "Voice recordings are personal data, and biometric data where used to identify a person (GDPR"
                        + " Art. 9). The delivery holds no name, account, contributor pseudonym or internal id:"
                        + " sample keys and speaker labels are keyed hashes valid for this delivery only.");
        root.putArray("rai:dataUseCases").addAll(purposes(description.purposesAllowed()));
        root.put(
                "rai:dataLimitations",
                "Forbidden uses: " + String.join(", ", description.purposesForbidden())
                        + (description.purposesForbidden().isEmpty() ? "none beyond the agreement" : "")
                        + ". No attempt to re-identify a speaker, and no use beyond the purposes of the"
                        + " data-use agreement. Read speech of prompts: not spontaneous speech.");
        root.put(
                "rai:dataReleaseMaintenancePlan",
                "A contributor may withdraw consent at any time: the keys of their samples then appear in the"
                        + " grant's signed revocation feed, and the holder must delete those samples.");
        root.put(
                "rai:dataSocialImpact",
                "Consented, paid, read speech with a verifiable record of its collection (provenance.json).");
    }

    private static ArrayNode purposes(List<String> codes) {
        ArrayNode list = JSON.createArrayNode();
        codes.forEach(list::add);
        return list;
    }
}
