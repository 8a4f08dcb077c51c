package org.consultflow.report.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Report")
@RestController
class EvidenceController {

    private final EvidencePack pack;

    EvidenceController(EvidencePack pack) {
        this.pack = pack;
    }

    @Operation(summary = "The round's evidence pack: a reproducible ZIP with a manifest of SHA-256s")
    @GetMapping(path = "/api/consultations/{key}/evidence", produces = "application/zip")
    ResponseEntity<byte[]> evidence(@PathVariable String key) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(key + "-evidence.zip").build().toString())
                .body(pack.zip(key));
    }
}
