package org.hipaaiam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Base32Test {

    @Test
    void matchesRfc4648Vectors() {
        assertEquals("", Base32.encode(""));
        assertEquals("MY", Base32.encode("f"));
        assertEquals("MZXQ", Base32.encode("fo"));
        assertEquals("MZXW6", Base32.encode("foo"));
        assertEquals("MZXW6YQ", Base32.encode("foob"));
        assertEquals("MZXW6YTB", Base32.encode("fooba"));
        assertEquals("MZXW6YTBOI", Base32.encode("foobar"));
    }
}
