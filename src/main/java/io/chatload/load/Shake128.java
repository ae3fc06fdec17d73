package io.chatload.load;

/**
 * SHAKE128 (FIPS 202), the extendable-output hash dlt's row ids are made with ({@code hashlib.shake_128}); Java 17
 * has SHA3 digests but no SHAKE. A plain Keccak-f[1600] sponge: rate 168 bytes, domain padding 0x1F.
 */
final class Shake128 {
    private static final int RATE = 168;
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    /** Rotation of lane x + 5y. */
    private static final int[] ROTATIONS = {
        0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14};

    private Shake128() {
    }

    static byte[] digest(byte[] input, int length) {
        long[] state = new long[25];
        int full = input.length / RATE * RATE;
        for (int offset = 0; offset < full; offset += RATE) {
            absorb(state, input, offset, RATE);
            permute(state);
        }
        byte[] last = new byte[RATE];
        System.arraycopy(input, full, last, 0, input.length - full);
        last[input.length - full] ^= 0x1F;
        last[RATE - 1] ^= (byte) 0x80;
        absorb(state, last, 0, RATE);
        permute(state);
        byte[] out = new byte[length];
        for (int done = 0; done < length; ) {
            for (int i = 0; i < RATE && done < length; i++, done++) {
                out[done] = (byte) (state[i / 8] >>> (8 * (i % 8)));
            }
            if (done < length) {
                permute(state);
            }
        }
        return out;
    }

    private static void absorb(long[] state, byte[] bytes, int offset, int count) {
        for (int i = 0; i < count; i++) {
            state[i / 8] ^= (bytes[offset + i] & 0xFFL) << (8 * (i % 8));
        }
    }

    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (long constant : ROUND_CONSTANTS) {
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
                }
            }
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            a[0] ^= constant;
        }
    }
}
