package org.consultflow.report.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReproducibleZipTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givesTheSameBytesForTheSameFilesWhenMadeSecondsApart() throws Exception {
        byte[] first = ReproducibleZip.of(files(), json);
        // ZIP times have two-second resolution: wait past it so a clock-stamped entry would differ
        Thread.sleep(2_100);

        assertThat(ReproducibleZip.of(files(), json)).isEqualTo(first);
    }

    @Test
    void keepsTheOrderGivenAndEndsWithAManifestOfSha256s() throws Exception {
        List<String> names = new ArrayList<>();
        String manifest = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(ReproducibleZip.of(files(), json)))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().equals("manifest.json")) {
                    manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }

        assertThat(names).containsExactly("README.md", "audit.json", "manifest.json");
        // sha256sum of "hello": what a reader checking the file by hand gets
        assertThat(json.readTree(manifest).path("files").path("README.md").asText())
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    private static LinkedHashMap<String, byte[]> files() {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("README.md", "hello".getBytes(StandardCharsets.UTF_8));
        files.put("audit.json", "[]".getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
