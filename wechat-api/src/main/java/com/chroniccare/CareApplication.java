package com.chroniccare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The chronic-care service: one deployable made of the modules under {@code com.chroniccare}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CareApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareApplication.class, args);
    }
}
