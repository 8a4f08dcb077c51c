package org.consultflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsultFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsultFlowApplication.class, args);
    }
}
