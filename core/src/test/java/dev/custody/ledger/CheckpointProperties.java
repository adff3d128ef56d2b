package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Bytes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * A signed checkpoint of any size and root prints as a note that parses back to it and verifies;
 * the same signatures over another size or root do not.
 */
class CheckpointProperties {
    private static final CheckpointSigners SIGNERS = KeyPairSigner.checkpointSigners("custody.example/ledger");
    private static final CheckpointVerifier VERIFIER = CheckpointVerifier.of(SIGNERS.keys());

    @Property(tries = 40)
    void signedNote_parsesBack_andVerifies_butNotForAnotherSizeOrRoot(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long size,
            @ForAll("roots") Bytes root,
            @ForAll("roots") Bytes otherRoot) {
        Checkpoint signed = Checkpoint.sign(size, root, SIGNERS);

        Checkpoint parsed = Checkpoint.parse(signed.text());

        assertThat(parsed).isEqualTo(signed);
        assertThat(parsed.text()).isEqualTo(signed.text());
        assertThat(VERIFIER.verifies(parsed)).isTrue();
        long otherSize = size == Long.MAX_VALUE ? size - 1 : size + 1;
        assertThat(VERIFIER.verifies(new Checkpoint(signed.origin(), otherSize, root, signed.signatures())))
                .isFalse();
        if (!otherRoot.equals(root)) {
            assertThat(VERIFIER.verifies(new Checkpoint(signed.origin(), size, otherRoot, signed.signatures())))
                    .isFalse();
        }
    }

    @Provide
    Arbitrary<Bytes> roots() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes::copyOf);
    }
}
