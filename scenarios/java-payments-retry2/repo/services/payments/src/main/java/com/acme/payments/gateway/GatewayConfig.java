package com.acme.payments.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Retry settings of the gateway client, set per environment by operations in {@code payments.properties}:
 *
 * <pre>
 * gateway.retry.max-retries=3        # retries after the first request (0 = never retry)
 * gateway.retry.initial-delay-ms=200 # wait before the first retry
 * gateway.retry.multiplier=2.0       # each further wait is this much longer
 * gateway.retry.max-delay-ms=2000    # no wait is longer than this
 * </pre>
 */
public record GatewayConfig(int maxRetries, long initialDelayMillis, double multiplier, long maxDelayMillis) {

    public static final GatewayConfig DEFAULTS = new GatewayConfig(3, 200, 2.0, 2000);

    public GatewayConfig {
        if (maxRetries < 0 || initialDelayMillis < 0 || multiplier < 1.0 || maxDelayMillis < initialDelayMillis) {
            throw new IllegalArgumentException("invalid gateway retry settings: " + maxRetries + ", "
                    + initialDelayMillis + ", " + multiplier + ", " + maxDelayMillis);
        }
    }

    public static GatewayConfig from(Properties properties) {
        return new GatewayConfig(
                Integer.parseInt(properties.getProperty("gateway.retry.max-retries", String.valueOf(DEFAULTS.maxRetries))),
                Long.parseLong(properties.getProperty("gateway.retry.initial-delay-ms",
                        String.valueOf(DEFAULTS.initialDelayMillis))),
                Double.parseDouble(properties.getProperty("gateway.retry.multiplier", String.valueOf(DEFAULTS.multiplier))),
                Long.parseLong(properties.getProperty("gateway.retry.max-delay-ms",
                        String.valueOf(DEFAULTS.maxDelayMillis))));
    }

    /** Reads {@code payments.properties} from the classpath. */
    public static GatewayConfig fromClasspath() {
        try (InputStream in = GatewayConfig.class.getResourceAsStream("/payments.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return from(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
