package com.acme.payments.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void readsTheClasspathDefaults() {
        assertEquals(new GatewayConfig(3, 200, 2.0, 2000), GatewayConfig.fromClasspath());
    }

    @Test
    void readsOverrides() {
        Properties properties = new Properties();
        properties.setProperty("gateway.retry.max-retries", "0");
        properties.setProperty("gateway.retry.initial-delay-ms", "50");
        assertEquals(new GatewayConfig(0, 50, 2.0, 2000), GatewayConfig.from(properties));
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(-1, 200, 2.0, 2000));
        assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(3, 200, 0.5, 2000));
        assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(3, 200, 2.0, 100));
    }
}
