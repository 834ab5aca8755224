package com.chroniccare;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules talk only through each other's root-package APIs and events, with no cycles. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(CareApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyBusinessModuleExists() {
        assertThat(modules.stream().map(m -> m.getBasePackage().getName()))
                .contains("com.chroniccare.core", "com.chroniccare.alerting", "com.chroniccare.reminder",
                        "com.chroniccare.groups", "com.chroniccare.wechat");
    }
}
