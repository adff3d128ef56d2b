package dev.custody.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run has finished, in {@code .delivery-state.json} of the delivery folder, rewritten
 * durably after each shard: the shard size asked for and every finished shard with its hash and
 * samples. A shard counts as finished on a later run only while its file exists and still has that
 * hash; from the first one that does not, the run writes again.
 */
final class DeliveryState {
    static final String FILE = ".delivery-state.json";
    private static final String FORMAT = "custody-delivery-state/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long shardBytes;
    private final List<Shard> shards;

    private DeliveryState(long shardBytes, List<Shard> shards) {
        this.shardBytes = shardBytes;
        this.shards = new ArrayList<>(shards);
    }

    /** The state a run left in the folder, or a fresh one; CONFLICT if it was for another shard size. */
    static DeliveryState load(Path folder, long shardBytes) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return new DeliveryState(shardBytes, List.of());
        }
        DeliveryState state;
        try {
            state = parse(JSON.readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new CustodyException(ErrorCode.CONFLICT, "the delivery folder holds an unreadable " + FILE, e);
        }
        if (state.shardBytes != shardBytes) {
            throw new CustodyException(
                    ErrorCode.CONFLICT,
                    "the delivery folder was written with shards of " + state.shardBytes + " bytes");
        }
        return state;
    }

    /** Keeps the finished shards up to the first whose file is missing or changed; returns them. */
    List<Shard> keepIntact(Path folder) {
        for (int i = 0; i < shards.size(); i++) {
            if (!intact(folder, shards.get(i))) {
                shards.subList(i, shards.size()).clear();
                break;
            }
        }
        return List.copyOf(shards);
    }

    void finished(Path folder, Shard shard) {
        shards.add(shard);
        try {
            DeliveryFiles.writeDurably(folder, FILE, JSON.writeValueAsBytes(toJson()));
        } catch (IOException e) {
            throw DeliveryFiles.unwritable(e);
        }
    }

    List<Shard> shards() {
        return List.copyOf(shards);
    }

    static boolean intact(Path folder, Shard shard) {
        Path file = folder.resolve(shard.name());
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != shard.bytes()) {
                return false;
            }
            MessageDigest digest = ShardWriter.sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return Bytes.copyOf(digest.digest()).equals(shard.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    private ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("shardBytes", shardBytes);
        ArrayNode list = root.putArray("shards");
        for (Shard shard : shards) {
            ObjectNode node = list.addObject();
            node.put("name", shard.name());
            node.put("bytes", shard.bytes());
            node.put("sha256", shard.sha256().hex());
            ArrayNode samples = node.putArray("samples");
            for (DeliveredSample s : shard.samples()) {
                samples.addObject()
                        .put("key", s.key())
                        .put("wavSha256", s.wavSha256().hex())
                        .put("wavBytes", s.wavBytes())
                        .put("jsonSha256", s.jsonSha256().hex())
                        .put("ingestLedgerIndex", s.ingestLedgerIndex())
                        .put("consentTermsVersion", s.consentTermsVersion())
                        .put("consentTermsSha256", s.consentTermsSha256().hex())
                        .put("sampleRate", s.sampleRate())
                        .put("collectedOn", s.collectedOn().toString())
                        .put("consentRecordedByStaff", s.consentRecordedByStaff());
            }
        }
        return root;
    }

    private static boolean staff(JsonNode sample) {
        if (!sample.path("consentRecordedByStaff").isBoolean()) {
            throw new IllegalArgumentException("a sample without consentRecordedByStaff");
        }
        return sample.path("consentRecordedByStaff").booleanValue();
    }

    private static DeliveryState parse(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a delivery state");
        }
        List<Shard> shards = new ArrayList<>();
        for (JsonNode node : root.path("shards")) {
            List<DeliveredSample> samples = new ArrayList<>();
            for (JsonNode s : node.path("samples")) {
                samples.add(new DeliveredSample(
                        s.path("key").asText(),
                        Bytes.fromHex(s.path("wavSha256").asText()),
                        s.path("wavBytes").asLong(-1),
                        Bytes.fromHex(s.path("jsonSha256").asText()),
                        s.path("ingestLedgerIndex").asLong(-1),
                        s.path("consentTermsVersion").asInt(-1),
                        Bytes.fromHex(s.path("consentTermsSha256").asText()),
                        s.path("sampleRate").asInt(-1),
                        LocalDate.parse(s.path("collectedOn").asText()),
                        staff(s)));
            }
            shards.add(new Shard(
                    node.path("name").asText(),
                    node.path("bytes").asLong(-1),
                    Bytes.fromHex(node.path("sha256").asText()),
                    samples));
        }
        return new DeliveryState(root.path("shardBytes").asLong(-1), shards);
    }
}
