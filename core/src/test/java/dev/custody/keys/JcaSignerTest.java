package dev.custody.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class JcaSignerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MESSAGE = "receipt: clp_x".getBytes(UTF_8);

    /** RFC 8032, section 7.1, TEST 1: the empty message. */
    @Test
    void sign_ed25519_matchesRfc8032TestVector1() throws Exception {
        byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] publicKey = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        String expected = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        var keyPair = new KeyPair(
                factory.generatePublic(
                        new X509EncodedKeySpec(concat(HEX.parseHex("302a300506032b6570032100"), publicKey))),
                factory.generatePrivate(
                        new PKCS8EncodedKeySpec(concat(HEX.parseHex("302e020100300506032b657004220420"), seed))));

        try (JcaSigner signer = JcaSigner.of(SignerAlgorithm.ED25519, keyPair)) {
            assertThat(HEX.formatHex(signer.sign(new byte[0]))).isEqualTo(expected);
            assertThat(JcaSigner.verify(signer.publicKey(), "Ed25519", new byte[0], HEX.parseHex(expected)))
                    .isTrue();
        }
    }

    @Test
    void sign_ed25519_givesTheSameBytesAsTheJdksOwnSignature() throws Exception {
        var random = new java.util.Random(8032);
        KeyPair keyPair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try (JcaSigner signer = JcaSigner.of(SignerAlgorithm.ED25519, keyPair)) {
            for (int length : new int[] {0, 1, 31, 64, 65, 1000, 70_000}) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                var jdk = java.security.Signature.getInstance("Ed25519");
                jdk.initSign(keyPair.getPrivate());
                jdk.update(message);

                assertThat(signer.sign(message)).as("length " + length).isEqualTo(jdk.sign());
            }
        }
    }

    @Test
    void keyId_isHexOfTheFirst8BytesOfSha256OverTheX509Encoding() throws Exception {
        try (JcaSigner signer = JcaSigner.generate(SignerAlgorithm.ED25519)) {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(signer.publicKey().getEncoded());

            assertThat(signer.keyId()).isEqualTo(HEX.formatHex(Arrays.copyOf(digest, 8)));
        }
    }

    @Test
    void sign_thenVerify_acceptsForBothAlgorithms() {
        for (SignerAlgorithm algorithm : SignerAlgorithm.values()) {
            try (JcaSigner signer = JcaSigner.generate(algorithm)) {
                byte[] signature = signer.sign(MESSAGE);

                assertThat(JcaSigner.verify(signer.publicKey(), signer.algorithm(), MESSAGE, signature))
                        .as(algorithm.name())
                        .isTrue();
            }
        }
    }

    @Test
    void verify_ofAnyFlippedBitOrOtherMessage_returnsFalse() {
        for (SignerAlgorithm algorithm : SignerAlgorithm.values()) {
            try (JcaSigner signer = JcaSigner.generate(algorithm)) {
                byte[] signature = signer.sign(MESSAGE);
                for (int bit = 0; bit < signature.length * 8; bit += 7) {
                    byte[] flipped = signature.clone();
                    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                    assertThat(JcaSigner.verify(signer.publicKey(), signer.algorithm(), MESSAGE, flipped))
                            .isFalse();
                }
                assertThat(JcaSigner.verify(signer.publicKey(), signer.algorithm(), "other".getBytes(UTF_8), signature))
                        .isFalse();
            }
        }
    }

    @Test
    void verify_withGarbageWrongKeyOrWrongAlgorithm_returnsFalseWithoutThrowing() {
        try (JcaSigner ed = JcaSigner.generate(SignerAlgorithm.ED25519);
                JcaSigner other = JcaSigner.generate(SignerAlgorithm.ED25519);
                JcaSigner mlDsa = JcaSigner.generate(SignerAlgorithm.ML_DSA_65)) {
            byte[] signature = ed.sign(MESSAGE);

            assertThat(JcaSigner.verify(other.publicKey(), "Ed25519", MESSAGE, signature))
                    .isFalse();
            assertThat(JcaSigner.verify(mlDsa.publicKey(), "ML-DSA", MESSAGE, signature))
                    .isFalse();
            assertThat(JcaSigner.verify(ed.publicKey(), "ML-DSA", MESSAGE, signature))
                    .isFalse();
            assertThat(JcaSigner.verify(ed.publicKey(), "no-such-algorithm", MESSAGE, signature))
                    .isFalse();
            assertThat(JcaSigner.verify(ed.publicKey(), "Ed25519", MESSAGE, new byte[0]))
                    .isFalse();
            assertThat(JcaSigner.verify(ed.publicKey(), "Ed25519", MESSAGE, new byte[3000]))
                    .isFalse();
        }
    }

    @Test
    void generate_mlDsa65_givesMlDsaSignaturesOfFips204Length() {
        try (JcaSigner signer = JcaSigner.generate(SignerAlgorithm.ML_DSA_65)) {
            assertThat(signer.algorithm()).isEqualTo("ML-DSA");
            assertThat(signer.sign(MESSAGE)).hasSize(3309);
        }
    }

    @Test
    void decode_ofItsOwnEncodings_signsWithTheSameKey() {
        for (SignerAlgorithm algorithm : SignerAlgorithm.values()) {
            try (JcaSigner signer = JcaSigner.generate(algorithm);
                    SecretBytes pkcs8 = signer.privateKeyEncoding();
                    JcaSigner decoded = JcaSigner.decode(
                            algorithm, pkcs8.toArray(), signer.publicKey().getEncoded())) {
                assertThat(decoded.keyId()).isEqualTo(signer.keyId());
                assertThat(JcaSigner.verify(
                                signer.publicKey(), algorithm.signatureAlgorithm(), MESSAGE, decoded.sign(MESSAGE)))
                        .isTrue();
            }
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
