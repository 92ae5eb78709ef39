package org.hipaaiam.audit.ledger.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The C2SP CCTV RFC 6962 vectors (src/test/resources/c2sp-merkle) and the C2SP merkle-tree worked example. */
class MerkleTestVectorsTest {

    private static final Base64.Decoder B64 = Base64.getDecoder();

    @Test
    void treeHeadsMatchEveryPrefixOfTheVectorTree() throws IOException {
        MerkleFrontier frontier = new MerkleFrontier();
        for (JsonNode v : vectors("merkle_tree.json")) {
            byte[] leafHash = TreeHash.leaf(v.get("leaf_data").asText().getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(bytes(v, "leaf_hash"), leafHash);
            frontier.append(leafHash);
            assertArrayEquals(bytes(v, "root_hash"), frontier.root(), "root at size " + frontier.size());
        }
    }

    @Test
    void validInclusionProofsAreGeneratedAndAccepted() throws IOException {
        List<byte[]> leaves = vectorLeafHashes();
        for (JsonNode v : vectors("inclusion-valid.json")) {
            long index = v.get("leaf_index").asLong();
            long size = v.get("tree_size").asLong();
            List<byte[]> expected = hashes(v, "inclusion_path");
            assertProofEquals(expected, ProofBuilder.build(ProofBuilder.inclusion(index, size), leaves));
            assertTrue(ProofVerifier.verifyInclusion(bytes(v, "leaf_hash"), index, size, expected, bytes(v, "root_hash")));
        }
    }

    @Test
    void invalidInclusionProofsAreRejected() throws IOException {
        for (JsonNode v : vectors("inclusion-invalid.json")) {
            assertFalse(ProofVerifier.verifyInclusion(bytes(v, "leaf_hash"), v.get("leaf_index").asLong(),
                    v.get("tree_size").asLong(), hashes(v, "inclusion_path"), bytes(v, "root_hash")),
                    v.get("comment").asText());
        }
    }

    @Test
    void validConsistencyProofsAreGeneratedAndAccepted() throws IOException {
        List<byte[]> leaves = vectorLeafHashes();
        for (JsonNode v : vectors("consistency-valid.json")) {
            long oldSize = v.get("old_size").asLong();
            long newSize = v.get("new_size").asLong();
            List<byte[]> expected = hashes(v, "consistency_path");
            assertProofEquals(expected, ProofBuilder.build(ProofBuilder.consistency(oldSize, newSize), leaves));
            assertTrue(ProofVerifier.verifyConsistency(oldSize, newSize, bytes(v, "old_root"), bytes(v, "new_root"),
                    expected));
        }
    }

    @Test
    void invalidConsistencyProofsAreRejected() throws IOException {
        for (JsonNode v : vectors("consistency-invalid.json")) {
            assertFalse(ProofVerifier.verifyConsistency(v.get("old_size").asLong(), v.get("new_size").asLong(),
                    bytes(v, "old_root"), bytes(v, "new_root"), hashes(v, "consistency_path")),
                    v.get("comment").asText());
        }
    }

    /** C2SP merkle-tree, section "Example": seven leaves labelled a..g, nodes h..l. */
    @Test
    void sevenLeafExampleOfTheSpecification() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            leaves.add(TreeHash.leaf(("d" + i).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] a = leaves.get(0), b = leaves.get(1), c = leaves.get(2), d = leaves.get(3);
        byte[] e = leaves.get(4), f = leaves.get(5), g = leaves.get(6);
        byte[] h = TreeHash.node(a, b), i = TreeHash.node(c, d), j = TreeHash.node(e, f);
        byte[] k = TreeHash.node(h, i), l = TreeHash.node(j, g);

        assertProofEquals(List.of(b, i, l), ProofBuilder.build(ProofBuilder.inclusion(0, 7), leaves));
        assertProofEquals(List.of(c, h, l), ProofBuilder.build(ProofBuilder.inclusion(3, 7), leaves));
        assertProofEquals(List.of(f, g, k), ProofBuilder.build(ProofBuilder.inclusion(4, 7), leaves));
        assertProofEquals(List.of(j, k), ProofBuilder.build(ProofBuilder.inclusion(6, 7), leaves));
        assertProofEquals(List.of(c, d, h, l), ProofBuilder.build(ProofBuilder.consistency(3, 7), leaves));
        assertProofEquals(List.of(l), ProofBuilder.build(ProofBuilder.consistency(4, 7), leaves));
        assertProofEquals(List.of(j, g, k), ProofBuilder.build(ProofBuilder.consistency(6, 7), leaves));
    }

    static void assertProofEquals(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "proof length");
        for (int n = 0; n < expected.size(); n++) {
            assertArrayEquals(expected.get(n), actual.get(n), "proof hash " + n);
        }
    }

    /** The vector trees are built from the leaves of merkle_tree.json, in order. */
    private static List<byte[]> vectorLeafHashes() throws IOException {
        List<byte[]> leaves = new ArrayList<>();
        vectors("merkle_tree.json").forEach(v -> leaves.add(bytes(v, "leaf_hash")));
        return leaves;
    }

    private static JsonNode vectors(String name) throws IOException {
        try (InputStream in = MerkleTestVectorsTest.class.getResourceAsStream("/c2sp-merkle/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static byte[] bytes(JsonNode v, String field) {
        return B64.decode(v.get(field).asText());
    }

    private static List<byte[]> hashes(JsonNode v, String field) {
        List<byte[]> out = new ArrayList<>();
        v.get(field).forEach(n -> out.add(B64.decode(n.asText())));
        return out;
    }
}
