package org.hipaaiam.audit.siem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorFileTest {

    @TempDir
    Path dir;

    @Test
    void positionsSurviveASaveAndLoad() throws IOException {
        CursorFile cursor = new CursorFile(dir.resolve("state/siem.cursor"));
        Map<String, CursorFile.Position> positions = Map.of(
                "2025", new CursorFile.Position(1_000_000, 1_000_000),
                "2026", new CursorFile.Position(42, -1));

        cursor.save(positions);
        SortedMap<String, CursorFile.Position> loaded = new CursorFile(dir.resolve("state/siem.cursor")).load();

        assertEquals(positions, loaded);
        assertEquals("2025", loaded.firstKey());
        assertFalse(Files.exists(dir.resolve("state/siem.cursor.tmp")), "temporary file left behind");
    }

    @Test
    void aNewerSaveReplacesTheOlder() throws IOException {
        CursorFile cursor = new CursorFile(dir.resolve("siem.cursor"));
        cursor.save(Map.of("2026", new CursorFile.Position(5, 5)));

        cursor.save(Map.of("2026", new CursorFile.Position(9, 5)));

        assertEquals(Map.of("2026", new CursorFile.Position(9, 5)), cursor.load());
    }

    @Test
    void noCursorYetMeansStartAtTheBeginning() throws IOException {
        assertTrue(new CursorFile(dir.resolve("absent.cursor")).load().isEmpty());
    }

    @Test
    void damagedCursorIsRefusedRatherThanRestartedFromZero() throws IOException {
        Path file = dir.resolve("siem.cursor");
        Files.writeString(file, "2026 12\n");

        assertThrows(IOException.class, () -> new CursorFile(file).load());
    }

    @Test
    void cursorMayLieBesideOrOutsideTheLedgerButNotInsideAShard() {
        Path ledger = dir.resolve("ledger");

        CursorFile.beside(ledger, dir.resolve("siem.cursor"));
        CursorFile.beside(ledger, ledger.resolve("siem.cursor"));
        assertThrows(IllegalArgumentException.class, () -> CursorFile.beside(ledger, ledger.resolve("2026/siem.cursor")));
        assertThrows(IllegalArgumentException.class,
                () -> CursorFile.beside(ledger, ledger.resolve("2026/entries/../siem.cursor")));
    }
}
