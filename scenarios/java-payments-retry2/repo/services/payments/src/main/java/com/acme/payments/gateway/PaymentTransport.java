package com.acme.payments.gateway;

import java.io.IOException;

/** The wire to the card processor. {@link IOException} means "try again later", a decline means "no". */
public interface PaymentTransport {

    ChargeResponse send(ChargeRequest request) throws IOException, PaymentDeclinedException;
}
