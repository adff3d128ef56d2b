package dev.custody.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.keys.JcaSigner;
import dev.custody.keys.SignerAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryVerifierTest {
    @TempDir
    Path folder;

    private final DeliveryVerifier verifier = DeliveryVerifier.of(DeliveryFixture.SIGNERS.keys());

    @BeforeEach
    void deliver() {
        new DeliveryFixture(9, Duration.ofSeconds(1)).write(folder, 100_000);
    }

    @Test
    void changedByte_inAShard_isNamed() throws IOException {
        Path shard = folder.resolve("shard-000001.tar");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[2000] ^= 1;
        Files.write(shard, bytes);

        assertFails("shard shard-000001.tar does not match its SHA-256");
    }

    @Test
    void missingShard_isNamed() throws IOException {
        Files.delete(folder.resolve("shard-000002.tar"));

        assertFails("shard shard-000002.tar is missing");
    }

    @Test
    void swappedShards_areNamed() throws IOException {
        Path first = folder.resolve("shard-000000.tar");
        Path second = folder.resolve("shard-000001.tar");
        Path aside = folder.resolve("aside");
        Files.move(first, aside);
        Files.move(second, first);
        Files.move(aside, second);

        assertFails("shard shard-000000.tar does not match its SHA-256");
    }

    @Test
    void forgedSignature_isNamed() throws IOException {
        Path manifest = folder.resolve(ProvenanceManifest.FILE);
        String json = Files.readString(manifest);
        // A well-formed Ed25519 signature by a key that is not the ledger's.
        try (JcaSigner forger = JcaSigner.generate(SignerAlgorithm.ED25519)) {
            String forged = Base64.getEncoder()
                    .encodeToString(forger.sign("custody-provenance/1\n".getBytes(StandardCharsets.UTF_8)));
            String signature =
                    json.replaceAll("(?s).*\"algorithm\" : \"Ed25519\",\\s*\"signature\" : \"([^\"]+)\".*", "$1");
            Files.writeString(manifest, json.replace(signature, forged));
        }

        assertFails("the Ed25519 signature of provenance.json does not verify");
    }

    @Test
    void changedCroissant_isNamed() throws IOException {
        Path croissant = folder.resolve(CroissantDocument.FILE);
        Files.writeString(croissant, Files.readString(croissant).replace("Acme Speech", "Acme Speeck"));

        assertFails("croissant.json does not match its SHA-256");
    }

    @Test
    void changedManifestValue_breaksTheSignature() throws IOException {
        Path manifest = folder.resolve(ProvenanceManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"wavBytes\" : 3", "\"wavBytes\" : 4"));

        assertFails("the Ed25519 signature of provenance.json does not verify");
    }

    private void assertFails(String message) {
        assertThatThrownBy(() -> verifier.verify(folder))
                .isInstanceOfSatisfying(
                        CustodyException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code())
                                .isEqualTo(ErrorCode.INTEGRITY_FAILURE))
                .hasMessage("delivery check failed: " + message);
    }
}
