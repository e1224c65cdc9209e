package com.acme.audit;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Append-only record of business events, shipped to the platform's audit store. Owned by the platform team;
 * the line format is parsed downstream and must not change.
 */
public class AuditTrail {

    private final List<String> lines = new ArrayList<>();

    public synchronized void record(String action, String subject, Date at) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("action is required");
        }
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        lines.add(format.format(at) + " " + action + " " + subject);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized int size() {
        return lines.size();
    }
}
