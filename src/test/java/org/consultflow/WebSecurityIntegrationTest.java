package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a browser, a hostile page and an API client see: CSRF on every change a session cookie authenticates, no Basic
 * challenge, session cookies a cross-site form cannot use, security headers, bounded bodies and errors without
 * exception text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "spring.datasource.url=jdbc:h2:mem:web-security;DB_CLOSE_DELAY=-1"})
@DirtiesContext
class WebSecurityIntegrationTest {

    static final String KEY = "vcs-infrastructure-2007";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8));
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    @DynamicPropertySource
    static void mailPorts(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
    }

    /** Fails the way an unforeseen database error does, with SQL in its message. */
    @TestConfiguration
    static class Failures {

        @RestController
        static class FailingController {

            @GetMapping({"/api/test/database-down", "/test/database-down"})
            String databaseDown() {
                throw new BadSqlGrammarException("reading tokens", "select secret from personal_link",
                        new SQLException("Table \"PERSONAL_LINK\" not found"));
            }
        }
    }

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSignedInBrowserClosesARoundOnlyWithTheCsrfToken() throws Exception {
        var yaml = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"));
        var started = send(request("/api/consultations?rehearsal=PT10M").header("Authorization", BASIC)
                .header("Content-Type", "application/yaml").POST(BodyPublishers.ofString(yaml)));
        assertThat(started.statusCode()).as("Basic auth needs no CSRF token").isEqualTo(201);

        var session = signIn();
        var forged = send(request("/api/consultations/" + KEY + "/close").header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(forged).path("title").asText()).isEqualTo("CSRF token missing or wrong");
        assertThat(body(send(request("/api/consultations/" + KEY).header("Cookie", "JSESSIONID=" + session).GET()))
                .path("status").asText()).isEqualTo("OPEN");

        var token = body(send(request("/api/csrf").header("Cookie", "JSESSIONID=" + session).GET()));
        // Until the new round's process waits for its deadline (its engagements are started as jobs first), closing
        // answers 409; with the token it is then accepted.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                send(request("/api/consultations/" + KEY + "/close").header("Cookie", "JSESSIONID=" + session)
                        .header(token.path("headerName").asText(), token.path("token").asText())
                        .POST(BodyPublishers.noBody())).statusCode()).isEqualTo(202));
    }

    @Test
    void signingInGivesANewSessionIdInALaxHttpOnlyCookie() throws Exception {
        var loginPage = send(request("/login").GET());
        var before = sessionCookie(loginPage);
        var signedIn = postLogin(value(SESSION, before), value(HIDDEN_CSRF, loginPage.body()));
        var after = sessionCookie(signedIn);

        assertThat(value(SESSION, after)).isNotEqualTo(value(SESSION, before));
        for (var cookie : List.of(before, after)) {
            assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
        }
    }

    @Test
    void nothingAsksTheBrowserForBasicCredentials() throws Exception {
        var api = send(request("/api/consultations/" + KEY).GET());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // Someone who does not exist: a wrong password for a real user would lock it for a moment (Camunda's throttling).
        var wrongPassword = send(request("/api/consultations/" + KEY).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("nobody:guess".getBytes(StandardCharsets.UTF_8))).GET());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).isEmpty();

        var page = send(request("/api/consultations/" + KEY + "/report").header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void everyPageCarriesTheSecurityHeadersExceptCamundasOwnPolicy() throws Exception {
        for (var response : List.of(send(request("/respond/anything").GET()),
                send(request("/api/consultations/" + KEY).header("Authorization", BASIC).GET()))) {
            assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        // Camunda's pages bring their own policy, which ours would narrow and break; its scripts get none from us.
        var session = signIn();
        var camundaPage = send(request("/camunda/app/welcome/default/").header("Cookie", "JSESSIONID=" + session).GET());
        assertThat(camundaPage.statusCode()).isEqualTo(200);
        assertThat(camundaPage.headers().allValues("Content-Security-Policy")).doesNotContain(POLICY).isNotEmpty();
        var camundaScript = send(request("/camunda/lib/deps.js").header("Cookie", "JSESSIONID=" + session).GET());
        assertThat(camundaScript.statusCode()).isEqualTo(200);
        assertThat(camundaScript.headers().allValues("Content-Security-Policy")).isEmpty();
    }

    @Test
    void consulteePagesUseOnlyScriptsThePolicyAllows() throws Exception {
        var page = send(request("/respond/anything").GET());
        assertThat(page.body()).doesNotContainPattern(Pattern.compile("<script(?![^>]*\\ssrc=)"));

        var scripts = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"").matcher(page.body()).results()
                .map(match -> match.group(1)).toList();
        assertThat(scripts).hasSize(2);
        for (var script : scripts) {
            var response = send(request(script).GET());
            assertThat(response.statusCode()).as(script).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/javascript"));
        }
    }

    @Test
    void aTenMegabyteDefinitionIsRefusedWithAProblem() throws Exception {
        var huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        var response = send(request("/api/consultations").header("Authorization", BASIC)
                .header("Content-Type", "application/yaml").POST(BodyPublishers.ofByteArray(huge)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).path("detail").asText()).contains("larger than 5 MB");
        assertNoExceptionText(response);
    }

    @Test
    void errorsShowTheirPurposeButNeverExceptionsOrSql() throws Exception {
        var unforeseen = send(request("/api/test/database-down").header("Authorization", BASIC).GET());
        assertThat(unforeseen.statusCode()).isEqualTo(500);
        assertThat(body(unforeseen).path("title").asText()).isEqualTo("Internal error");
        assertThat(body(unforeseen).path("detail").asText())
                .contains("Quote incident " + body(unforeseen).path("incident").asText());
        assertNoExceptionText(unforeseen);

        var page = send(request("/test/database-down").header("Authorization", BASIC)
                .header("Accept", "application/json").GET());
        assertThat(page.statusCode()).isEqualTo(500);
        assertNoExceptionText(page);

        var unknown = send(request("/api/consultations/no-such-round").header("Authorization", BASIC).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).path("title").asText()).isEqualTo("Unknown consultation round");
        assertThat(body(unknown).path("detail").asText()).contains("no-such-round");

        var noRehearsal = send(request("/api/consultations?rehearsal=PT0S").header("Authorization", BASIC)
                .header("Content-Type", "application/yaml").POST(BodyPublishers.ofString("key: x")));
        assertThat(noRehearsal.statusCode()).isEqualTo(400);
        assertThat(body(noRehearsal).path("detail").asText()).contains("A rehearsal needs a positive duration");
    }

    private void assertNoExceptionText(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception", "at org.", "select", "SQL", "PERSONAL_LINK");
    }

    /** Signs in through the login form as a browser does; returns the session id. */
    private String signIn() throws Exception {
        var loginPage = send(request("/login").GET());
        var signedIn = postLogin(value(SESSION, sessionCookie(loginPage)), value(HIDDEN_CSRF, loginPage.body()));
        return value(SESSION, sessionCookie(signedIn));
    }

    private HttpResponse<String> postLogin(String session, String csrf) throws Exception {
        var response = send(request("/login").header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", "coordinator", "password", "coordinator", "_csrf", csrf))));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return response;
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String value(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }

    private static BodyPublisher form(Map<String, String> fields) {
        var encoded = new StringBuilder();
        fields.forEach((name, value) -> encoded.append(encoded.isEmpty() ? "" : "&")
                .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return BodyPublishers.ofString(encoded.toString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }
}
