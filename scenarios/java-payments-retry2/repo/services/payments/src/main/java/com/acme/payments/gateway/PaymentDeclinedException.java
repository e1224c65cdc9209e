package com.acme.payments.gateway;

/** The processor looked at the charge and said no (insufficient funds, stolen card, ...). Never retried. */
public class PaymentDeclinedException extends Exception {

    private final String reasonCode;

    public PaymentDeclinedException(String reasonCode) {
        super("declined: " + reasonCode);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
