package dev.custody.audio;

import static dev.custody.audio.AudioDecoder.malformed;

import java.util.Arrays;

/**
 * Decodes one FLAC subframe (one channel of one frame) into signed integer samples.
 *
 * <p>Header: a zero bit, a 6-bit type (0 CONSTANT, 1 VERBATIM, 8–12 FIXED of order 0–4, 32–63 LPC of
 * order 1–32, the rest reserved), then a wasted-bits flag followed, when set, by k−1 in unary.
 * Predicted subframes carry their warm-up samples, for LPC the coefficient precision (4 bits, +1),
 * shift (5 bits, signed, must not be negative) and coefficients, then the residual: a 2-bit coding
 * method (4- or 5-bit Rice parameters), a 4-bit partition order, and per partition a parameter
 * (the all-ones value escapes to a 5-bit width of raw signed residuals) and its Rice codes.
 *
 * <p>Every predicted sample is computed in 64 bits and must fit the subframe's sample size, so a
 * crafted stream cannot overflow into values beyond full scale.
 */
final class FlacSubframeDecoder {
    private static final int[][] FIXED_COEFFICIENTS = {{}, {1}, {2, -1}, {3, -3, 1}, {4, -6, 4, -1}};

    private final FlacBitReader reader;
    private final int[] coefficients = new int[32];

    FlacSubframeDecoder(FlacBitReader reader) {
        this.reader = reader;
    }

    /** Decodes {@code blockSize} samples of {@code bitsPerSample} bits into {@code out}. */
    void decode(int bitsPerSample, int blockSize, int[] out) {
        if (reader.readInt(1) != 0) {
            throw malformed("subframe padding bit set");
        }
        int type = reader.readInt(6);
        int wasted = reader.readInt(1) == 1 ? wastedBits() : 0;
        int bits = bitsPerSample - wasted;
        if (bits <= 0) {
            throw malformed("wasted bits exceed the sample size");
        }
        if (type == 0) {
            Arrays.fill(out, 0, blockSize, reader.readSigned(bits));
        } else if (type == 1) {
            for (int i = 0; i < blockSize; i++) {
                out[i] = reader.readSigned(bits);
            }
        } else if (type >= 8 && type <= 12) {
            fixed(type - 8, bits, blockSize, out);
        } else if (type >= 32) {
            lpc(type - 31, bits, blockSize, out);
        } else {
            throw malformed("reserved subframe type");
        }
        for (int i = 0; wasted > 0 && i < blockSize; i++) {
            out[i] <<= wasted;
        }
    }

    private int wastedBits() {
        long zeros = reader.readUnary();
        if (zeros >= 32) {
            throw malformed("wasted bits exceed the sample size");
        }
        return (int) zeros + 1;
    }

    private void fixed(int order, int bits, int blockSize, int[] out) {
        readWarmUp(order, bits, blockSize, out);
        int[] weights = FIXED_COEFFICIENTS[order];
        System.arraycopy(weights, 0, coefficients, 0, order);
        residual(order, blockSize, out);
        predict(order, 0, bits, blockSize, out);
    }

    private void lpc(int order, int bits, int blockSize, int[] out) {
        readWarmUp(order, bits, blockSize, out);
        int precision = reader.readInt(4);
        if (precision == 15) {
            throw malformed("invalid LPC coefficient precision");
        }
        int shift = reader.readSigned(5);
        if (shift < 0) {
            throw malformed("negative LPC shift");
        }
        for (int j = 0; j < order; j++) {
            coefficients[j] = reader.readSigned(precision + 1);
        }
        residual(order, blockSize, out);
        predict(order, shift, bits, blockSize, out);
    }

    private void readWarmUp(int order, int bits, int blockSize, int[] out) {
        if (order > blockSize) {
            throw malformed("predictor order exceeds the block size");
        }
        for (int i = 0; i < order; i++) {
            out[i] = reader.readSigned(bits);
        }
    }

    /** Adds the prediction to the residuals held in {@code out[order..]}. */
    private void predict(int order, int shift, int bits, int blockSize, int[] out) {
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        for (int i = order; i < blockSize; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += (long) coefficients[j] * out[i - 1 - j];
            }
            long value = out[i] + (sum >> shift);
            if (value < min || value > max) {
                throw malformed("predicted sample out of range");
            }
            out[i] = (int) value;
        }
    }

    private void residual(int order, int blockSize, int[] out) {
        int method = reader.readInt(2);
        if (method > 1) {
            throw malformed("reserved residual coding method");
        }
        int parameterBits = method == 0 ? 4 : 5;
        int escape = (1 << parameterBits) - 1;
        int partitionOrder = reader.readInt(4);
        int partitionSize = blockSize >> partitionOrder;
        if ((partitionSize << partitionOrder) != blockSize || partitionSize < order) {
            throw malformed("residual partition order does not fit the block");
        }
        int index = order;
        for (int partition = 0; partition < (1 << partitionOrder); partition++) {
            int end = (partition + 1) * partitionSize;
            int parameter = reader.readInt(parameterBits);
            if (parameter == escape) {
                int rawBits = reader.readInt(5);
                for (; index < end; index++) {
                    out[index] = reader.readSigned(rawBits);
                }
            } else {
                for (; index < end; index++) {
                    out[index] = reader.readRice(parameter);
                }
            }
        }
    }
}
