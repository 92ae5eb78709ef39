package org.hipaaiam.audit.ledger.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds an RFC 9162 inclusion or consistency proof from the leaf hashes streamed in order.
 * A proof is the list of roots of certain disjoint leaf ranges; each range is hashed with its
 * own frontier, so a proof over a log of any length needs only O(log^2 n) memory.
 */
public final class ProofBuilder {

    private record LeafRange(long start, long end, MerkleFrontier frontier) {
    }

    private final List<LeafRange> proofOrder;
    private final List<LeafRange> byStart;
    private final long treeSize;
    private long nextLeaf;
    private int current;

    private ProofBuilder(List<LeafRange> ranges, long treeSize) {
        this.proofOrder = ranges;
        this.byStart = new ArrayList<>(ranges);
        this.byStart.sort(Comparator.comparingLong(LeafRange::start));
        this.treeSize = treeSize;
    }

    public static ProofBuilder inclusion(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is outside a tree of size " + treeSize);
        }
        List<LeafRange> ranges = new ArrayList<>();
        path(index, 0, treeSize, ranges);
        return new ProofBuilder(ranges, treeSize);
    }

    public static ProofBuilder consistency(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to " + newSize);
        }
        List<LeafRange> ranges = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, ranges);
        }
        return new ProofBuilder(ranges, newSize);
    }

    /** Convenience for trees held in memory. */
    public static List<byte[]> build(ProofBuilder builder, List<byte[]> leafHashes) {
        for (int i = 0; i < builder.treeSize; i++) {
            builder.accept(leafHashes.get(i));
        }
        return builder.proof();
    }

    /** The number of leaves (from index 0) the proof depends on. */
    public long treeSize() {
        return treeSize;
    }

    /** Feeds the next leaf hash, starting at index 0; leaves past {@link #treeSize()} are ignored. */
    public void accept(byte[] leafHash) {
        long leaf = nextLeaf++;
        while (current < byStart.size() && byStart.get(current).end() <= leaf) {
            current++;
        }
        if (current < byStart.size() && byStart.get(current).start() <= leaf) {
            byStart.get(current).frontier().append(leafHash);
        }
    }

    public List<byte[]> proof() {
        if (nextLeaf < treeSize) {
            throw new IllegalStateException("proof needs " + treeSize + " leaves, got " + nextLeaf);
        }
        List<byte[]> hashes = new ArrayList<>(proofOrder.size());
        for (LeafRange range : proofOrder) {
            hashes.add(range.frontier().root());
        }
        return hashes;
    }

    private static void path(long index, long start, long end, List<LeafRange> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, start, start + k, out);
            out.add(range(start + k, end));
        } else {
            path(index - k, start + k, end, out);
            out.add(range(start, start + k));
        }
    }

    private static void subproof(long oldSize, long start, long end, boolean oldRootKnown, List<LeafRange> out) {
        long n = end - start;
        if (oldSize == n) {
            if (!oldRootKnown) {
                out.add(range(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (oldSize <= k) {
            subproof(oldSize, start, start + k, oldRootKnown, out);
            out.add(range(start + k, end));
        } else {
            subproof(oldSize - k, start + k, end, false, out);
            out.add(range(start, start + k));
        }
    }

    private static LeafRange range(long start, long end) {
        return new LeafRange(start, end, new MerkleFrontier());
    }

    /** The largest power of two strictly smaller than n, for n greater than 1. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
