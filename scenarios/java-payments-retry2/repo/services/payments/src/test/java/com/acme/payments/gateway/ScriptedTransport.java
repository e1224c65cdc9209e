package com.acme.payments.gateway;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A processor that answers from a script: each step either fails with an exception or approves. */
final class ScriptedTransport implements PaymentTransport {

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<ChargeRequest> received = new ArrayList<>();
    private Object whenScriptEnds;

    ScriptedTransport fail(Exception failure) {
        script.add(failure);
        return this;
    }

    ScriptedTransport approve(String transactionId) {
        script.add(new ChargeResponse(transactionId));
        return this;
    }

    /** After the script: keep answering like this forever. */
    ScriptedTransport thenAlways(Exception failure) {
        whenScriptEnds = failure;
        return this;
    }

    List<ChargeRequest> received() {
        return received;
    }

    @Override
    public ChargeResponse send(ChargeRequest request) throws IOException, PaymentDeclinedException {
        received.add(request);
        Object step = script.isEmpty() ? whenScriptEnds : script.poll();
        if (step instanceof IOException io) {
            throw io;
        }
        if (step instanceof PaymentDeclinedException declined) {
            throw declined;
        }
        if (step instanceof RuntimeException bug) {
            throw bug;
        }
        if (step instanceof ChargeResponse response) {
            return response;
        }
        throw new IllegalStateException("script exhausted");
    }
}
