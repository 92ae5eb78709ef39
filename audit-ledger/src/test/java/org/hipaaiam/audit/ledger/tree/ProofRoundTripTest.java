package org.hipaaiam.audit.ledger.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every proof the builder makes verifies against an independent, recursive RFC 6962 root, and every mangled one fails. */
class ProofRoundTripTest {

    private static final int MAX_SIZE = 40;
    private final List<byte[]> leaves = new ArrayList<>();

    ProofRoundTripTest() {
        for (int i = 0; i < MAX_SIZE; i++) {
            leaves.add(TreeHash.leaf(new byte[] {(byte) i, 42}));
        }
    }

    @Test
    void frontierRootEqualsTheRecursiveDefinition() {
        MerkleFrontier frontier = new MerkleFrontier();
        assertArrayEquals(TreeHash.empty(), frontier.root());
        for (int n = 1; n <= MAX_SIZE; n++) {
            frontier.append(leaves.get(n - 1));
            assertArrayEquals(mth(0, n), frontier.root(), "size " + n);
        }
    }

    @Test
    void inclusionProofsVerifyAndTamperedOnesFail() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = ProofBuilder.build(ProofBuilder.inclusion(m, n), leaves);
                byte[] root = mth(0, n);
                assertTrue(ProofVerifier.verifyInclusion(leaves.get(m), m, n, proof, root), m + " in " + n);
                assertFalse(ProofVerifier.verifyInclusion(leaves.get((m + 1) % MAX_SIZE), m, n, proof, root));
                if (n > 1) {
                    assertFalse(ProofVerifier.verifyInclusion(leaves.get(m), (m + 1) % n, n, proof, root));
                }
                for (List<byte[]> bad : mangled(proof)) {
                    assertFalse(ProofVerifier.verifyInclusion(leaves.get(m), m, n, bad, root), m + " in " + n);
                }
            }
        }
    }

    @Test
    void consistencyProofsVerifyAndTamperedOnesFail() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = ProofBuilder.build(ProofBuilder.consistency(m, n), leaves);
                assertTrue(ProofVerifier.verifyConsistency(m, n, mth(0, m), mth(0, n), proof), m + " to " + n);
                if (m > 1) {
                    assertFalse(ProofVerifier.verifyConsistency(m, n, mth(0, m - 1), mth(0, n), proof), "wrong old root");
                }
                for (List<byte[]> bad : mangled(proof)) {
                    assertFalse(ProofVerifier.verifyConsistency(m, n, mth(0, m), mth(0, n), bad), m + " to " + n);
                }
            }
        }
    }

    /** Proofs with one bit flipped, one hash dropped, one hash added. */
    private static List<List<byte[]>> mangled(List<byte[]> proof) {
        Random random = new Random(proof.size());
        List<List<byte[]>> out = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] hash = proof.get(i).clone();
            hash[random.nextInt(hash.length)] ^= (byte) (1 << random.nextInt(8));
            flipped.set(i, hash);
            out.add(flipped);
            List<byte[]> dropped = new ArrayList<>(proof);
            dropped.remove(i);
            out.add(dropped);
        }
        List<byte[]> extended = new ArrayList<>(proof);
        extended.add(TreeHash.leaf(new byte[] {7}));
        out.add(extended);
        return out;
    }

    /** RFC 6962 MTH of leaves [start, end), straight from the definition. */
    private byte[] mth(int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leaves.get(start);
        }
        int k = Integer.highestOneBit(n - 1);
        return TreeHash.node(mth(start, start + k), mth(start + k, end));
    }
}
