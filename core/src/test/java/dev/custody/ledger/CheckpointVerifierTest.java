package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointVerifierTest {
    private static final String ORIGIN = "custody.example/ledger";
    private static final CheckpointSigners SIGNERS = KeyPairSigner.checkpointSigners(ORIGIN);
    private static final CheckpointVerifier VERIFIER = CheckpointVerifier.of(SIGNERS.keys());
    private static final Checkpoint SIGNED = Checkpoint.sign(8, MerkleKnownAnswerTest.ROOTS.get(8), SIGNERS);

    @Test
    void checkpoint_withBothSignatures_verifies_evenAfterATextRoundTrip() {
        VERIFIER.verify(Checkpoint.parse(SIGNED.text()));
    }

    @Test
    void checkpoint_missingEitherSignature_fails() {
        for (int dropped = 0; dropped < 2; dropped++) {
            List<NoteSignature> lines = new ArrayList<>(SIGNED.signatures());
            lines.remove(dropped);
            assertThat(VERIFIER.verifies(withSignatures(lines)))
                    .as("without line %d", dropped)
                    .isFalse();
        }
    }

    @Test
    void checkpoint_withAFlippedSignatureBit_fails() {
        for (int line = 0; line < 2; line++) {
            List<NoteSignature> lines = new ArrayList<>(SIGNED.signatures());
            NoteSignature original = lines.get(line);
            byte[] signature = original.signature().toArray();
            signature[signature.length / 2] ^= 0x01;
            lines.set(line, new NoteSignature(original.keyName(), original.keyHash(), Bytes.copyOf(signature)));
            assertThat(VERIFIER.verifies(withSignatures(lines))).isFalse();
        }
    }

    @Test
    void checkpoint_withAnotherSizeOrRoot_fails() {
        assertThat(VERIFIER.verifies(new Checkpoint(ORIGIN, 9, SIGNED.rootHash(), SIGNED.signatures())))
                .isFalse();
        assertThat(VERIFIER.verifies(
                        new Checkpoint(ORIGIN, 8, MerkleKnownAnswerTest.ROOTS.get(7), SIGNED.signatures())))
                .isFalse();
    }

    @Test
    void checkpoint_signedByOtherKeys_orForAnotherLog_fails() {
        Checkpoint other = Checkpoint.sign(8, SIGNED.rootHash(), KeyPairSigner.checkpointSigners(ORIGIN));
        Checkpoint otherLog = Checkpoint.sign(8, SIGNED.rootHash(), KeyPairSigner.checkpointSigners("elsewhere"));

        assertThat(VERIFIER.verifies(other)).isFalse();
        assertThat(VERIFIER.verifies(otherLog)).isFalse();
        assertThatThrownBy(() -> VERIFIER.verify(other)).isInstanceOf(CustodyException.class);
    }

    @Test
    void checkpoint_withAWitnessLineOfAnotherKey_stillVerifies() {
        List<NoteSignature> lines = new ArrayList<>(SIGNED.signatures());
        lines.add(new NoteSignature("witness.example", Bytes.fromHex("01020304"), Bytes.fromHex("ff".repeat(64))));

        assertThat(VERIFIER.verifies(Checkpoint.parse(withSignatures(lines).text())))
                .isTrue();
    }

    private static Checkpoint withSignatures(List<NoteSignature> lines) {
        return new Checkpoint(SIGNED.origin(), SIGNED.size(), SIGNED.rootHash(), lines);
    }
}
