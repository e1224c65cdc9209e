package com.acme.billing;

import com.acme.audit.AuditTrail;
import java.util.Calendar;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides when invoices are issued and when they fall due.
 *
 * <p>Customers choose an anchor day of the month (1-31); in shorter months the invoice goes out on the last day.
 * Payment terms are counted in business days: weekends and the configured public holidays do not count.
 */
public final class InvoiceScheduler {

    private final Supplier<Date> now;
    private final Set<Date> holidays;
    private final AuditTrail audit;

    /**
     * @param now      the current instant (injected so tests and replays control time)
     * @param holidays public holidays, as billing days
     * @param audit    where issued invoices are recorded
     */
    public InvoiceScheduler(Supplier<Date> now, Set<Date> holidays, AuditTrail audit) {
        this.now = Objects.requireNonNull(now, "now");
        this.holidays = new HashSet<>();
        for (Date holiday : holidays) {
            this.holidays.add(BillingZone.startOfDay(holiday));
        }
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Today's billing day. */
    public Date today() {
        return BillingZone.startOfDay(now.get());
    }

    /** The first issue date strictly after {@code after} for a customer with the given anchor day. */
    public Date nextIssueDate(int anchorDay, Date after) {
        if (anchorDay < 1 || anchorDay > 31) {
            throw new IllegalArgumentException("anchor day must be 1-31: " + anchorDay);
        }
        Date afterDay = BillingZone.startOfDay(after);
        Calendar month = BillingZone.calendar();
        month.setTime(afterDay);
        month.set(Calendar.DAY_OF_MONTH, 1);
        while (true) {
            Calendar candidate = (Calendar) month.clone();
            candidate.set(Calendar.DAY_OF_MONTH, Math.min(anchorDay, candidate.getActualMaximum(Calendar.DAY_OF_MONTH)));
            if (candidate.getTime().after(afterDay)) {
                return candidate.getTime();
            }
            month.add(Calendar.MONTH, 1);
        }
    }

    /** The day {@code netDays} business days after {@code issueDate}. */
    public Date dueDate(Date issueDate, int netDays) {
        if (netDays < 0) {
            throw new IllegalArgumentException("net days must not be negative: " + netDays);
        }
        Calendar cursor = BillingZone.calendar();
        cursor.setTime(BillingZone.startOfDay(issueDate));
        int counted = 0;
        while (counted < netDays) {
            cursor.add(Calendar.DAY_OF_MONTH, 1);
            if (isBusinessDay(cursor)) {
                counted++;
            }
        }
        return cursor.getTime();
    }

    public boolean isBusinessDay(Date day) {
        Calendar calendar = BillingZone.calendar();
        calendar.setTime(BillingZone.startOfDay(day));
        return isBusinessDay(calendar);
    }

    private boolean isBusinessDay(Calendar day) {
        int weekday = day.get(Calendar.DAY_OF_WEEK);
        return weekday != Calendar.SATURDAY && weekday != Calendar.SUNDAY && !holidays.contains(day.getTime());
    }

    /** Issues an invoice dated today, due after {@code netDays} business days, and records it in the audit trail. */
    public Invoice issueToday(String customerId, long sequence, int netDays, long amountCents) {
        Date createdAt = now.get();
        Date issueDate = BillingZone.startOfDay(createdAt);
        Invoice invoice = new Invoice(InvoiceNumberFormatter.format(issueDate, sequence), customerId, issueDate,
                dueDate(issueDate, netDays), createdAt, amountCents);
        audit.record("invoice.issued", invoice.number(), createdAt);
        return invoice;
    }
}
