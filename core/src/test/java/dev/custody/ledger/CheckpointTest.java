package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final CheckpointSigners SIGNERS = KeyPairSigner.checkpointSigners("custody.example/ledger");
    private static final Bytes ROOT = MerkleKnownAnswerTest.ROOTS.get(5);

    @Test
    void signedNote_hasTheDocumentedLayout_andParsesBack() {
        Checkpoint checkpoint = Checkpoint.sign(5, ROOT, SIGNERS);

        String text = checkpoint.text();
        assertThat(text)
                .startsWith("custody.example/ledger\n5\n" + ROOT.base64() + "\n\n")
                .matches("(?s).*\n\n\u2014 custody\\.example/ledger [A-Za-z0-9+/=]+\n"
                        + "\u2014 custody\\.example/ledger [A-Za-z0-9+/=]+\n");
        assertThat(Checkpoint.parse(text)).isEqualTo(checkpoint);
    }

    /** The example note of Go's golang.org/x/mod/sumdb/note, which defines the format. */
    @Test
    void keyHashAndEd25519Line_matchTheGoSignedNoteExample() throws Exception {
        byte[] publicKey =
                Arrays.copyOfRange(Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"), 1, 33);
        byte[] seed =
                Arrays.copyOfRange(Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"), 1, 33);
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        PublicKey key = factory.generatePublic(
                new X509EncodedKeySpec(concat(HexFormat.of().parseHex("302a300506032b6570032100"), publicKey)));
        String text = "If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n";

        Bytes keyHash = NoteKey.ED25519.keyHash("PeterNeumann", key);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(factory.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
        signer.update(text.getBytes(StandardCharsets.UTF_8));

        assertThat(keyHash.hex()).isEqualTo("c74f20a3");
        assertThat(Base64.getEncoder().encodeToString(concat(keyHash.toArray(), signer.sign())))
                .isEqualTo(
                        "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=");
    }

    @Test
    void parse_rejectsEveryDeviationFromTheLayout() {
        String valid = Checkpoint.sign(5, ROOT, SIGNERS).text();
        String signatures = valid.substring(valid.indexOf("\n\n") + 2);
        String root = ROOT.base64();
        for (String bad : new String[] {
            "",
            valid.substring(0, valid.length() - 1),
            valid.replace("\n\n", "\n"),
            valid.replace("\n5\n", "\n05\n"),
            valid.replace("\n5\n", "\n-5\n"),
            valid.replace("\n5\n", "\n99999999999999999999\n"),
            valid.replace(root, root.substring(0, 42) + "\n"),
            valid.replace(root, root + "\nextension"),
            valid.replace("\n", "\r\n"),
            valid.replace("\u2014 ", "- "),
            valid + "\n",
            "custody.example/ledger\n5\n" + root + "\n\n",
            "custody.example/ledger\n5\n" + root + "\n\n\u2014 custody.example/ledger AAAA\n",
            "custody.example/ledger\n5\n" + Bytes.fromHex("ab").base64() + "\n\n" + signatures,
            "custody example\n5\n" + root + "\n\n" + signatures,
        }) {
            assertThatThrownBy(() -> Checkpoint.parse(bad))
                    .as(bad)
                    .isInstanceOf(CustodyException.class)
                    .extracting(e -> ((CustodyException) e).code())
                    .isEqualTo(ErrorCode.INTEGRITY_FAILURE);
        }
    }

    @Test
    void mlDsaLine_carriesTheDocumentedKeyHash() throws Exception {
        Checkpoint checkpoint = Checkpoint.sign(5, ROOT, SIGNERS);
        byte[] spki = SIGNERS.mlDsa65().publicKey().getEncoded();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("custody.example/ledger\n".getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0xff);
        sha256.update("ML-DSA-65".getBytes(StandardCharsets.US_ASCII));
        sha256.update(spki, spki.length - 1952, 1952);

        assertThat(spki).hasSize(22 + 1952);
        assertThat(checkpoint.signatures().get(1).keyHash().toArray()).isEqualTo(Arrays.copyOf(sha256.digest(), 4));
    }

    @Test
    void parse_ofRandomlyMutatedNotes_failsOrGivesTheCheckpointThatPrintsAsThem() {
        String valid = Checkpoint.sign(5, ROOT, SIGNERS).text();
        Random random = new Random(99);
        for (int i = 0; i < 3000; i++) {
            char[] mutated = valid.toCharArray();
            int position = random.nextInt(mutated.length);
            mutated[position] = (char) (random.nextBoolean() ? random.nextInt(128) : mutated[position] ^ 1);
            String text = new String(mutated);
            try {
                assertThat(Checkpoint.parse(text).text()).isEqualTo(text);
            } catch (CustodyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
            }
        }
    }

    @Test
    void signers_ofTheWrongKeyTypes_orWithAnInvalidName_areRefused() {
        assertThatThrownBy(() -> new CheckpointSigners("log", KeyPairSigner.mlDsa65(), KeyPairSigner.ed25519()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSigners("a log", KeyPairSigner.ed25519(), KeyPairSigner.mlDsa65()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSigners("log\u0001", KeyPairSigner.ed25519(), KeyPairSigner.mlDsa65()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
