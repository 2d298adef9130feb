package org.peerlab.storage.net.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peerlab.storage.coordinator.CoordinatorSettings;
import org.peerlab.storage.net.config.StorageConfig;

class CoordinatorSettingsFromConfigTest {

    @Test
    void theConfigurationDefaultsAreTheCoordinatorDefaults() {
        assertEquals(CoordinatorSettings.defaults(), CoordinatorCommand.settings(StorageConfig.defaultsOnly()));
    }

    @Test
    void repairScanRepairTimeoutAndOrderLifetimeComeFromTheConfiguration() {
        CoordinatorSettings s = CoordinatorCommand.settings(StorageConfig.defaultsOnly().with("repair-scan-interval", "5m")
                .with("repair-timeout", "2h").with("order-ttl", "6h"));
        assertEquals(300_000, s.repairScanMillis());
        assertEquals(7_200_000, s.repairTimeoutMillis());
        assertEquals(21_600_000, s.orderTtlMillis());
    }

    @Test
    void aNonPositiveLifetimeIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StorageConfig.defaultsOnly().with("order-ttl", "0s"));
        assertTrue(e.getMessage().contains("'order-ttl'"), e.getMessage());
    }
}
