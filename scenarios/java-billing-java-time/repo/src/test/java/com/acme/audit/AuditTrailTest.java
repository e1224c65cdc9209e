package com.acme.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Date;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    @Test
    void recordsLinesInUtcWithMilliseconds() {
        AuditTrail trail = new AuditTrail();
        trail.record("invoice.issued", "INV-2024-06-000001", new Date(1718193600123L)); // 2024-06-12T12:00:00.123Z
        assertEquals(1, trail.size());
        assertEquals("2024-06-12 12:00:00.123 UTC invoice.issued INV-2024-06-000001", trail.lines().get(0));
    }

    @Test
    void rejectsBlankAction() {
        AuditTrail trail = new AuditTrail();
        assertThrows(IllegalArgumentException.class, () -> trail.record(" ", "x", new Date(0)));
    }
}
