package com.acme.billing;

import java.util.Date;
import java.util.Objects;

/** An issued invoice. Dates are billing days (midnight in the billing zone); createdAt is a point in time. */
public final class Invoice {

    private final String number;
    private final String customerId;
    private final Date issueDate;
    private final Date dueDate;
    private final Date createdAt;
    private final long amountCents;

    public Invoice(String number, String customerId, Date issueDate, Date dueDate, Date createdAt, long amountCents) {
        this.number = Objects.requireNonNull(number, "number");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        // Date is mutable: keep private copies so callers cannot change an issued invoice.
        this.issueDate = new Date(issueDate.getTime());
        this.dueDate = new Date(dueDate.getTime());
        this.createdAt = new Date(createdAt.getTime());
        if (this.dueDate.before(this.issueDate)) {
            throw new IllegalArgumentException("due date before issue date for " + number);
        }
        if (amountCents < 0) {
            throw new IllegalArgumentException("negative amount for " + number);
        }
        this.amountCents = amountCents;
    }

    public String number() {
        return number;
    }

    public String customerId() {
        return customerId;
    }

    public Date issueDate() {
        return new Date(issueDate.getTime());
    }

    public Date dueDate() {
        return new Date(dueDate.getTime());
    }

    public Date createdAt() {
        return new Date(createdAt.getTime());
    }

    public long amountCents() {
        return amountCents;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Invoice that
                && number.equals(that.number)
                && customerId.equals(that.customerId)
                && issueDate.equals(that.issueDate)
                && dueDate.equals(that.dueDate)
                && createdAt.equals(that.createdAt)
                && amountCents == that.amountCents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, customerId, issueDate, dueDate, createdAt, amountCents);
    }

    @Override
    public String toString() {
        return "Invoice[" + number + ", customer=" + customerId + ", issued=" + DateCodec.formatDate(issueDate)
                + ", due=" + DateCodec.formatDate(dueDate) + ", amountCents=" + amountCents + "]";
    }
}
