package io.chatload.load.naming;

/**
 * SHAKE-128 (FIPS 202), which dlt hashes its identifier tags with and which the JDK does not offer: Keccak-f[1600]
 * with a rate of 168 bytes and the domain padding {@code 0x1F}. dlt's row ids ({@code digest128}) use it too.
 */
public final class Shake128 {
    private static final int RATE = 168;
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
    };
    /** Rotation of lane x + 5y in the rho step. */
    private static final int[] ROTATIONS = {
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    };

    private Shake128() {
    }

    public static byte[] digest(byte[] message, int length) {
        long[] state = new long[25];
        int blocks = message.length / RATE;
        for (int block = 0; block < blocks; block++) {
            absorb(state, message, block * RATE, RATE);
            permute(state);
        }
        byte[] last = new byte[RATE];
        int rest = message.length - blocks * RATE;
        System.arraycopy(message, blocks * RATE, last, 0, rest);
        last[rest] ^= 0x1F;
        last[RATE - 1] ^= (byte) 0x80;
        absorb(state, last, 0, RATE);
        permute(state);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % RATE == 0) {
                permute(state);
            }
            int at = i % RATE;
            out[i] = (byte) (state[at / 8] >>> (8 * (at % 8)));
        }
        return out;
    }

    private static void absorb(long[] state, byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            state[i / 8] ^= (bytes[offset + i] & 0xFFL) << (8 * (i % 8));
        }
    }

    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (long roundConstant : ROUND_CONSTANTS) {
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
            a[0] ^= roundConstant;
        }
    }
}
