package org.hipaaiam.audit.ledger.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files, C2SP key IDs and note signatures, checked against the golang.org/x/mod sumdb/note example. */
class NoteKeysTest {

    private static final String GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void signingKeyOfTheGoExampleDerivesItsPublishedVerifierKeyAndId() {
        NoteSigningKey key = NoteSigningKey.parse(GO_SIGNER);
        assertEquals(GO_VERIFIER, key.verifierKey().format());
        assertEquals(0xc74f20a3, key.verifierKey().keyId());
        assertEquals(GO_SIGNER, key.format());
    }

    @Test
    void signatureIsByteForByteTheGoExample() {
        assertEquals(GO_NOTE, NoteSigningKey.parse(GO_SIGNER).sign(GO_TEXT).format());
        assertTrue(NoteVerifierKey.parse(GO_VERIFIER).verifies(SignedNote.parse(GO_NOTE)));
    }

    @Test
    void changedTextOrSignatureIsRejected() {
        NoteVerifierKey key = NoteVerifierKey.parse(GO_VERIFIER);
        assertFalse(key.verifies(SignedNote.parse(GO_NOTE.replace("problem,", "problem;"))));
        assertFalse(key.verifies(SignedNote.parse(GO_NOTE.replace("x08go", "x08gp"))));
    }

    @Test
    void unknownKeysAreIgnoredButAKnownBadSignatureRejectsTheNote() {
        NoteSigningKey other = NoteSigningKey.generate("witness.example");
        SignedNote peter = SignedNote.parse(GO_NOTE);
        SignedNote witness = other.sign(GO_TEXT);
        List<SignedNote.Signature> both = new ArrayList<>(witness.signatures());
        both.addAll(peter.signatures());
        NoteVerifierKey key = NoteVerifierKey.parse(GO_VERIFIER);
        assertTrue(key.verifies(new SignedNote(GO_TEXT, both)));
        assertFalse(key.verifies(witness), "no signature of the known key");

        SignedNote.Signature good = peter.signatures().get(0);
        byte[] forged = good.signature();
        forged[0] ^= 1;
        List<SignedNote.Signature> withBad = new ArrayList<>(both);
        withBad.add(new SignedNote.Signature(good.keyName(), good.keyId(), forged));
        assertFalse(key.verifies(new SignedNote(GO_TEXT, withBad)));
    }

    @Test
    void verifierKeyWithWrongIdIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> NoteVerifierKey.parse(GO_VERIFIER.replace("c74f20a3", "c74f20a4")));
        assertThrows(IllegalArgumentException.class,
                () -> NoteVerifierKey.parse(GO_VERIFIER.replace("PeterNeumann", "PeterNeumann2")));
    }

    @Test
    void generatedKeyRoundTripsThroughItsFilesAndIsOwnerReadableOnly(@TempDir Path dir) throws Exception {
        NoteSigningKey key = NoteSigningKey.generate("hospital.example/kc-audit/node1");
        Path file = dir.resolve("ledger.key");
        key.write(file);
        NoteSigningKey read = NoteSigningKey.read(file);
        assertEquals(key.verifierKey().format(), read.verifierKey().format());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SignedNote note = read.sign("hospital.example/kc-audit/node1/2026\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertTrue(NoteVerifierKey.parse(key.verifierKey().format()).verifies(SignedNote.parse(note.format())));
    }
}
