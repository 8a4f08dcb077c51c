package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document a running ConsultFlow serves describes every operation of its REST API, with the methods it is
 * mapped to and a summary, and nothing that is not the API. The document is left in target/openapi.json to read.
 */
class ApiDocsIntegrationTest extends EmbeddedStackContext {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyApiHandlerIsDocumentedWithItsMethodAndASummary() throws Exception {
        var paths = docs().path("paths");

        var handlers = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            for (var path : mapping.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                assertThat(mapping.getMethodsCondition().getMethods()).as(handler + " names its HTTP method")
                        .isNotEmpty();
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                    var operation = paths.path(path).path(method.name().toLowerCase());
                    assertThat(operation.isObject()).as(method + " " + path + " (" + handler + ") is documented")
                            .isTrue();
                    assertThat(operation.path("summary").asText()).as(method + " " + path + " has a summary")
                            .isNotBlank();
                    assertThat(operation.path("tags")).as(method + " " + path + " has a tag").isNotEmpty();
                    handlers.add(method + " " + path);
                }
            }
        });
        assertThat(handlers).as("the API's handlers").hasSizeGreaterThan(15)
                .contains("POST /api/consultations", "GET /api/consultations/{key}/report", "GET /api/csrf");
    }

    @Test
    void documentsNothingButTheRestApi() throws Exception {
        var documented = new TreeSet<String>();
        docs().path("paths").fieldNames().forEachRemaining(documented::add);

        assertThat(mappings.getHandlerMethods().keySet()).as("JSON outside the API is served")
                .anySatisfy(mapping -> assertThat(mapping.getPatternValues()).contains(PAGE_DATA));
        assertThat(documented).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("/api/"));
        assertThat(documented).noneMatch(path -> path.startsWith("/api/dev") || path.contains("respond/{token}"));
    }

    @Test
    void saysHowToSignInAndThatRefusalsAreProblems() throws Exception {
        var docs = docs();
        var schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("session").path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path("csrf").path("name").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(docs.path("security").toString()).contains("basic").contains("csrf");

        var close = docs.at("/paths/~1api~1consultations~1{key}~1close/post/responses");
        for (var status : List.of("401", "403", "4XX", "500")) {
            assertThat(close.path(status).path("content").has("application/problem+json")).as(status).isTrue();
        }
    }

    @Test
    void describesTheDefinitionUploadAndEveryReportFormat() throws Exception {
        var docs = docs();
        var upload = docs.at("/paths/~1api~1consultations/post/requestBody/content");
        assertThat(names(upload)).contains("application/yaml", "application/json", "text/yaml");

        var report = docs.at("/paths/~1api~1consultations~1{key}~1report/get");
        assertThat(names(report.path("responses").path("200").path("content"))).containsAll(List.of(
                "application/json", "text/markdown;charset=UTF-8", "text/html", "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/csv"));
        assertThat(report.path("summary").asText()).contains("Accept");
        assertThat(names(docs.at("/paths/~1api~1consultations~1{key}~1report.{extension}/get/responses/200/content")))
                .containsExactly("*/*");
        assertThat(names(docs.at("/paths/~1api~1consultations/post/responses"))).contains("201");
        assertThat(names(docs.at("/paths/~1api~1consultations~1{key}~1close/post/responses"))).contains("202");
    }

    @Test
    void onlyThoseWhoMayUseTheApiReadItsDescription() throws Exception {
        var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                rest.getRootUri() + "/v3/api-docs")).build(), BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("sent to sign in").isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));

        assertThat(rest.withBasicAuth("observer", "observer").getForEntity("/v3/api-docs", String.class)
                .getStatusCode()).as("signed in, but no coordinator").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("observer", "observer").getForEntity("/swagger-ui/index.html", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("coordinator", "coordinator").getForEntity("/v3/api-docs", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Swagger UI loads its scripts from files, so it runs under the pages' policy without inline script. */
    @Test
    void swaggerUiRunsUnderTheContentSecurityPolicy() {
        var coordinator = rest.withBasicAuth("coordinator", "coordinator");
        var page = coordinator.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self';");
        var scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page.getBody());
        var count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("loaded from a file").contains("src=");
            assertThat(scripts.group(2)).as("no inline code").isBlank();
        }
        assertThat(count).isPositive();
        var initializer = coordinator.getForEntity("/swagger-ui/swagger-initializer.js", String.class);
        assertThat(initializer.getBody()).contains("/v3/api-docs");
        assertThat(initializer.getHeaders().getContentType().toString()).contains("javascript");
    }

    private JsonNode docs() throws Exception {
        var response = rest.withBasicAuth("coordinator", "coordinator").getForEntity("/v3/api-docs", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
        var docs = json.readTree(response.getBody());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), docs.toPrettyString());
        return docs;
    }

    private static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
