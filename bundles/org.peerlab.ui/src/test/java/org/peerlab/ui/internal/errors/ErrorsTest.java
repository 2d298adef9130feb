package org.peerlab.ui.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void theStatusNamesEveryCause() {
        IOException root = new IOException("disk full");
        IllegalStateException outer = new IllegalStateException(null, root);
        IStatus s = Errors.status("Cannot save", outer);
        assertEquals(IStatus.ERROR, s.getSeverity());
        assertEquals("Cannot save: IllegalStateException", s.getMessage());
        assertEquals(List.of("IllegalStateException: IllegalStateException", "IOException: disk full"),
                List.of(s.getChildren()).stream().map(IStatus::getMessage).toList());
        assertEquals(outer, s.getException());
    }

    @Test
    void theBookKeepsTheNewestEntries() {
        ErrorLogBook book = new ErrorLogBook();
        List<String> heard = new java.util.ArrayList<>();
        book.listen(e -> heard.add(e.message()));
        for (int i = 0; i < ErrorLogBook.CAPACITY + 3; i++) {
            book.logging(Errors.status("failure " + i, new IOException("x")), "test");
        }
        assertEquals(ErrorLogBook.CAPACITY, book.entries().size());
        assertEquals("failure 3: x", book.entries().get(0).message());
        assertEquals(ErrorLogBook.CAPACITY + 3, heard.size());
        assertEquals("Error", book.entries().get(0).severityText());
    }
}
