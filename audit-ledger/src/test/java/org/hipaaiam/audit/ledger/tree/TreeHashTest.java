package org.hipaaiam.audit.ledger.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.junit.jupiter.api.Test;

class TreeHashTest {

    /** The leaf hash that skips the copy is the hash of the leaf data as RFC 6962 defines it for the ledger. */
    @Test
    void leafOfTimeAndPayloadIsTheLeafOfTheLeafData() {
        Random random = new Random(11);
        long[] times = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1_772_323_200_000L, 0x0102030405060708L};
        for (long time : times) {
            for (int length : new int[] {0, 1, 55, 56, 63, 64, 512, 4096}) {
                byte[] payload = new byte[length];
                random.nextBytes(payload);
                assertArrayEquals(TreeHash.leaf(Frame.leafData(time, payload)), TreeHash.leaf(time, payload),
                        "time " + time + ", " + length + " bytes");
            }
        }
    }
}
