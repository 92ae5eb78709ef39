package org.hipaaiam.audit.ledger.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact range of an RFC 6962 tree: the roots of the perfect subtrees that make up its
 * leaves, left to right. Appending a leaf merges equal-sized subtrees, so it costs O(log n)
 * and the whole tree never has to be kept.
 */
public final class MerkleFrontier {

    private final List<byte[]> subtreeRoots = new ArrayList<>();
    private long size;

    public void append(byte[] leafHash) {
        byte[] carry = leafHash;
        // Each trailing one bit of the old size is a perfect subtree the new leaf completes.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            carry = TreeHash.node(subtreeRoots.remove(subtreeRoots.size() - 1), carry);
        }
        subtreeRoots.add(carry);
        size++;
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (subtreeRoots.isEmpty()) {
            return TreeHash.empty();
        }
        byte[] root = subtreeRoots.get(subtreeRoots.size() - 1);
        for (int i = subtreeRoots.size() - 2; i >= 0; i--) {
            root = TreeHash.node(subtreeRoots.get(i), root);
        }
        return root;
    }
}
