package org.hipaaiam.audit.ledger.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The C2SP tlog-checkpoint body and signed-note framing. */
class CheckpointFormatTest {

    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    @Test
    void bodyIsOriginSizeAndBase64Root() {
        Checkpoint checkpoint = new Checkpoint("example.com/behind-the-sofa", 20852163, Base64.getDecoder().decode(ROOT));
        assertEquals("example.com/behind-the-sofa\n20852163\n" + ROOT + "\n", checkpoint.body());
        assertEquals(checkpoint, Checkpoint.parseBody(checkpoint.body()));
    }

    @Test
    void malformedBodiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parseBody("o\n01\n" + ROOT + "\n"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parseBody("o\n1\n" + ROOT));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parseBody("o\n1\n" + ROOT + "\next\n"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parseBody("has space\n1\n" + ROOT + "\n"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parseBody("o\n1\nAAAA\n"));
    }

    @Test
    void signedNoteSplitsAtTheLastBlankLine() {
        String note = "line one\n\nline three\n\n\u2014 name AAAAAAE=\n";
        SignedNote parsed = SignedNote.parse(note);
        assertEquals("line one\n\nline three\n", parsed.text());
        assertEquals(1, parsed.signatures().size());
        assertEquals(0, parsed.signatures().get(0).keyId());
        assertEquals(note, parsed.format());
    }

    @Test
    void malformedNotesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse("text\n\u2014 name AAAAAAE=\n"));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse("text\n\n- name AAAAAAE=\n"));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse("text\n\n\u2014 name AAAA\n"));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse("te\txt\n\n\u2014 name AAAAAAE=\n"));
    }
}
