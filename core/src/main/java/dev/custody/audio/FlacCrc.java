package dev.custody.audio;

/**
 * The two checksums of a FLAC frame: CRC-8 (polynomial x^8 + x^2 + x + 1, initial 0) over the frame
 * header and CRC-16 (polynomial x^16 + x^15 + x^2 + 1, initial 0) over the whole frame, both
 * unreflected, as the FLAC format specifies.
 */
final class FlacCrc {
    private static final int[] CRC8 = table(0x07, 8);
    private static final int[] CRC16 = table(0x8005, 16);

    private FlacCrc() {}

    static int crc8(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = CRC8[crc ^ (data[i] & 0xFF)];
        }
        return crc;
    }

    static int crc16(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ CRC16[(crc >>> 8) ^ (data[i] & 0xFF)]) & 0xFFFF;
        }
        return crc;
    }

    private static int[] table(int polynomial, int width) {
        int top = 1 << (width - 1);
        int mask = (1 << width) - 1;
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i << (width - 8);
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & top) != 0 ? (crc << 1) ^ polynomial : crc << 1;
            }
            table[i] = crc & mask;
        }
        return table;
    }
}
