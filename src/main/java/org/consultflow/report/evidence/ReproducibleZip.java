package org.consultflow.report.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consultflow.report.Sha256;

/**
 * Files in the order given, each with the same fixed time, then {@code manifest.json} with the SHA-256 of each: the
 * same files always give the same ZIP, byte for byte, so two downloads can be compared by their hash alone.
 */
final class ReproducibleZip {

    /** The earliest time a ZIP entry can hold (the DOS epoch), as reproducible-build tools use: it claims nothing. */
    private static final LocalDateTime FIXED = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ReproducibleZip() {}

    static byte[] of(LinkedHashMap<String, byte[]> files, ObjectMapper json) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((name, bytes) -> hashes.put(name, Sha256.hex(bytes)));
        manifest.put("algorithm", "SHA-256");
        manifest.put("files", hashes);
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                write(zip, file.getKey(), file.getValue());
            }
            write(zip, "manifest.json", json.writeValueAsBytes(manifest));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        var entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
