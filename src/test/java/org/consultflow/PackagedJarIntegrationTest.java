package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The Dockerfile unpacks the packaged jar with {@code -Djarmode=tools extract --layers}: that needs the layers index
 * and the tools jar inside it. Runs after {@code package}, on the jar the build just made.
 */
class PackagedJarIntegrationTest {

    @Test
    void thePackagedJarCarriesTheLayersTheImageIsBuiltFrom() throws Exception {
        try (var jar = new JarFile(AppProcess.jar().toFile())) {
            var index = jar.getEntry("BOOT-INF/layers.idx");
            assertThat(index).as("BOOT-INF/layers.idx").isNotNull();
            var layers = new String(jar.getInputStream(index).readAllBytes());

            assertThat(layers).contains("\"dependencies\"", "\"spring-boot-loader\"", "\"snapshot-dependencies\"",
                    "\"application\"");
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .anyMatch(name -> name.matches("BOOT-INF/lib/spring-boot-jarmode-tools-.*\\.jar"));
        }
    }
}
