package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
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
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.consultflow.consultation.RoundAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One identity for the console, the API and Camunda's webapps: Camunda's identity service holds every user, one
 * sign-in at /login (or at a real OpenID Connect provider, here mock-oauth2-server in this process) is known to all
 * three, and a round that names its coordinators is changed by them alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "spring.datasource.url=jdbc:h2:mem:identity;DB_CLOSE_DELAY=-1",
        "consultflow.oidc.client-id=consultflow",
        "consultflow.oidc.client-secret=not-checked-by-the-mock",
        "consultflow.oidc.name=Council account",
        "consultflow.oidc.coordinator-groups=consultflow-coordinators"})
@DirtiesContext
class IdentityIntegrationTest {

    static final String ISSUER = "council";
    static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        registry.add("consultflow.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired IdentityService identity;
    @Autowired RoundAccess access;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anonymousPeopleAreSentToSignInAndApiClientsRefused() throws Exception {
        for (var page : List.of("/console", "/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/")) {
            var response = send(request(page).header("Accept", "text/html").GET());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
        for (var api : List.of("/api/consultations/any", "/camunda/api/engine/engine/default/task",
                "/camunda/api/admin/auth/user/default")) {
            var response = send(request(api).header("Accept", "application/json").GET());
            assertThat(response.statusCode()).as(api).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(api).isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).as(api).hasValue("application/problem+json");
        }
    }

    @Test
    void aCoordinatorSignedInWithTheFormUsesTasklistButNotCockpitOrAdmin() throws Exception {
        var session = signIn("coordinator", "coordinator");

        var tasklist = get("/camunda/app/tasklist/default/", session);
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(get("/camunda/app/cockpit/default/", session).statusCode()).isEqualTo(403);
        assertThat(get("/camunda/app/admin/default/", session).statusCode()).isEqualTo(403);
        var known = body(getJson("/camunda/api/admin/auth/user/default", session));
        assertThat(known.path("userId").asText()).isEqualTo("coordinator");
        assertThat(known.path("authorizedApps")).extracting(JsonNode::asText).containsExactlyInAnyOrder("tasklist", "welcome");
        assertThat(getJson("/camunda/api/engine/engine/default/task", session).statusCode()).isEqualTo(200);
        // Nor can Camunda's own login form make this session someone else inside Camunda.
        var xsrf = camundaCsrfToken(tasklist);
        var switched = send(request("/camunda/api/admin/auth/user/default/login/cockpit")
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", "admin", "password", "admin"))));
        assertThat(switched.statusCode()).isEqualTo(403);
        assertThat(getJson("/camunda/api/admin/auth/user/default", session).body()).contains("\"userId\":\"coordinator\"");
        // What Admin manages stays out of reach behind the page too: the engine's authorizations hide other users.
        assertThat(body(getJson("/camunda/api/engine/engine/default/user", session)))
                .extracting(user -> user.path("id").asText()).doesNotContain("admin");
    }

    @Test
    void anAdminSignedInWithTheFormReachesCockpitTasklistAndAdmin() throws Exception {
        var session = signIn("admin", "admin");

        for (var app : List.of("cockpit", "tasklist", "admin")) {
            assertThat(get("/camunda/app/" + app + "/default/", session).statusCode()).as(app).isEqualTo(200);
        }
        assertThat(body(getJson("/camunda/api/admin/auth/user/default", session)).path("authorizedApps"))
                .extracting(JsonNode::asText).contains("cockpit", "tasklist", "admin");
        assertThat(getJson("/api/dead-letters", session).statusCode()).isEqualTo(200);
        assertThat(body(getJson("/camunda/api/engine/engine/default/user", session)))
                .extracting(user -> user.path("id").asText()).contains("admin", "coordinator");
    }

    @Test
    void signingInNeedsTheFormsCsrfTokenChangesTheSessionIdAndReturnsToTheSavedPage() throws Exception {
        var refused = send(request("/camunda/app/tasklist/default/").header("Accept", "text/html").GET());
        var before = value(SESSION, cookie(refused));
        var loginPage = get("/login", before);
        assertThat(loginPage.body()).contains("id=\"username\"", "id=\"password\"", "id=\"sign-in\"",
                "Sign in with Council account").doesNotContainPattern(Pattern.compile("<script(?![^>]*\\ssrc=)"));
        assertThat(loginPage.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self';"));

        var forged = postForm("/login", before, Map.of("username", "coordinator", "password", "coordinator"));
        assertThat(forged.statusCode()).isEqualTo(403);

        var signedIn = postForm("/login", before, Map.of("username", "coordinator", "password", "coordinator",
                "_csrf", value(HIDDEN_CSRF, loginPage.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("/camunda/app/tasklist/default/"));
        var after = value(SESSION, cookie(signedIn));
        assertThat(after).isNotEqualTo(before);
        assertThat(get("/camunda/app/tasklist/default/", before).statusCode()).isEqualTo(302);
        assertThat(get("/camunda/app/tasklist/default/", after).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutASavedPageSigningInGoesToTheConsole() throws Exception {
        var loginPage = send(request("/login").GET());
        var session = value(SESSION, cookie(loginPage));
        var signedIn = postForm("/login", session, Map.of("username", "coordinator", "password", "coordinator",
                "_csrf", value(HIDDEN_CSRF, loginPage.body())));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console"));
    }

    @Test
    void aWrongPasswordShowsTheErrorSummary() throws Exception {
        identity.saveUser(user("forgetful", "Right-password-1"));
        var loginPage = send(request("/login").GET());
        var session = value(SESSION, cookie(loginPage));
        var failed = postForm("/login", session, Map.of("username", "forgetful", "password", "wrong",
                "_csrf", value(HIDDEN_CSRF, loginPage.body())));
        assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));

        var page = get("/login?error", session);
        assertThat(page.body()).contains("govuk-error-summary", "Enter a correct username and password",
                "<title>Error: Sign in");
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndEndsTheSession() throws Exception {
        var session = signIn("coordinator", "coordinator");
        var page = get("/login", session);

        assertThat(postForm("/logout", session, Map.of()).statusCode()).isEqualTo(403);
        assertThat(get("/camunda/app/tasklist/default/", session).statusCode()).isEqualTo(200);

        var signedOut = postForm("/logout", session, Map.of("_csrf", value(HIDDEN_CSRF, page.body())));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?signed-out"));
        assertThat(get("/camunda/app/tasklist/default/", session).statusCode()).isEqualTo(302);
        assertThat(send(request("/login?signed-out").GET()).body()).contains("You have signed out");
    }

    @Test
    void camundasOwnLogOutEndsTheSessionToo() throws Exception {
        var session = signIn("admin", "admin");
        var xsrf = camundaCsrfToken(get("/camunda/app/cockpit/default/", session));

        var logout = send(request("/camunda/api/admin/auth/user/default/logout")
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                .POST(BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isLessThan(300);

        assertThat(get("/camunda/app/cockpit/default/", session).statusCode()).isEqualTo(302);
        assertThat(getJson("/api/dead-letters", session).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
        identity.saveUser(user("guessed", "Right-password-2"));
        identity.createMembership("guessed", "coordinators");
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(basic("/api/consultations/none", "guessed", "guess-" + attempt).statusCode()).isEqualTo(401);
        }
        // Locked for 8 seconds after the fourth failure: the right password is refused too.
        assertThat(basic("/api/consultations/none", "guessed", "Right-password-2").statusCode()).isEqualTo(401);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(basic("/api/consultations/none", "guessed", "Right-password-2").statusCode()).isEqualTo(404));
    }

    @Test
    void aUserAddedInCamundaAdminUsesTheApiAtOnce() throws Exception {
        assertThat(basic("/api/consultations/none", "newcomer", "Newcomer-pass-3").statusCode()).isEqualTo(401);

        identity.saveUser(user("newcomer", "Newcomer-pass-3"));
        identity.createMembership("newcomer", "coordinators");

        var response = basic("/api/consultations/none", "newcomer", "Newcomer-pass-3");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).path("title").asText()).isEqualTo("Unknown consultation round");
    }

    @Test
    void aPersonSignedInWithOpenIdConnectIsAUserInCamundaWithTheGroupsTheProviderNames() throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "3f1c9a", "JWT", List.of("consultflow"),
                Map.of("preferred_username", "jo.bloggs", "given_name", "Jo", "family_name", "Bloggs",
                        "email", "jo.bloggs@example.org", "groups", List.of("staff", "consultflow-coordinators")),
                3600));
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        var login = browser.send(request("/login").GET().build(), BodyHandlers.ofString());
        var link = Pattern.compile("href=\"([^\"]*oauth2/authorization/oidc)\"").matcher(login.body());
        assertThat(link.find()).isTrue();
        // The real authorization-code flow: app -> provider's authorize endpoint -> back with a code -> app.
        var response = browser.send(request(link.group(1)).GET().build(), BodyHandlers.ofString());
        for (int hop = 0; hop < 5 && response.statusCode() == 302; hop++) {
            var location = URI.create(response.headers().firstValue("Location").orElseThrow());
            if (location.getPath().equals("/console")) {
                break;
            }
            var next = location.isAbsolute() ? location : URI.create("http://127.0.0.1:" + port).resolve(location);
            response = browser.send(HttpRequest.newBuilder(next).GET().build(), BodyHandlers.ofString());
        }
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console"));

        var jo = identity.createUserQuery().userId("jo.bloggs").singleResult();
        assertThat(jo.getEmail()).isEqualTo("jo.bloggs@example.org");
        assertThat(identity.createGroupQuery().groupMember("jo.bloggs").list())
                .extracting(group -> group.getId()).containsExactly("coordinators");
        var api = browser.send(request("/api/consultations/none").GET().build(), BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        // Camunda takes the signed-in person when an app page loads, as a browser always does first.
        assertThat(browser.send(request("/camunda/app/tasklist/default/").GET().build(), BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        var known = browser.send(request("/camunda/api/admin/auth/user/default").header("Accept", "application/json")
                .GET().build(), BodyHandlers.ofString());
        assertThat(body(known).path("userId").asText()).isEqualTo("jo.bloggs");
        assertThat(browser.send(request("/camunda/app/cockpit/default/").GET().build(), BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
    }

    @Test
    void someoneTheProviderPutsInNoConsultFlowGroupIsRefusedAndNotCreated() throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "8d2e41", "JWT", List.of("consultflow"),
                Map.of("preferred_username", "visitor", "groups", List.of("staff")), 3600));
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        var response = browser.send(request("/oauth2/authorization/oidc").GET().build(), BodyHandlers.ofString());
        for (int hop = 0; hop < 5 && response.statusCode() == 302; hop++) {
            var location = URI.create(response.headers().firstValue("Location").orElseThrow());
            if (location.getPath().equals("/login")) {
                break;
            }
            var next = location.isAbsolute() ? location : URI.create("http://127.0.0.1:" + port).resolve(location);
            response = browser.send(HttpRequest.newBuilder(next).GET().build(), BodyHandlers.ofString());
        }

        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?refused"));
        assertThat(identity.createUserQuery().userId("visitor").count()).isZero();
        assertThat(send(request("/login?refused").GET()).body()).contains("Signing in with Council account did not work");
    }

    @Test
    void aRoundThatNamesItsCoordinatorsIsChangedByThemAndAdminsOnly() throws Exception {
        identity.saveUser(user("pat", "Pat-password-44"));
        identity.createMembership("pat", "coordinators");
        var yaml = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"))
                .replace("key: vcs-infrastructure-2007", "key: named-coordinators") + "\ncoordinators: [coordinator]\n";
        var started = send(request("/api/consultations?rehearsal=PT10M").header("Authorization", basic("admin", "admin"))
                .header("Content-Type", "application/yaml").POST(BodyPublishers.ofString(yaml)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        assertThat(basic("/api/consultations/named-coordinators", "pat", "Pat-password-44").statusCode()).isEqualTo(200);
        var closeByPat = send(request("/api/consultations/named-coordinators/close")
                .header("Authorization", basic("pat", "Pat-password-44")).POST(BodyPublishers.noBody()));
        assertThat(closeByPat.statusCode()).isEqualTo(403);
        assertThat(closeByPat.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(closeByPat).path("title").asText()).isEqualTo("Not one of this round's coordinators");
        var patSession = signIn("pat", "Pat-password-44");
        // The dashboard offers pat no action on this round, and says why; its named coordinator gets them.
        var patsDashboard = get("/console/rounds/named-coordinators", patSession).body();
        assertThat(patsDashboard).contains("id=\"read-only\"").doesNotContain("id=\"close-now\"",
                "id=\"change-deadline\"", "id=\"remind-form\"", "id=\"record-response\"");
        var coordinatorsDashboard = get("/console/rounds/named-coordinators", signIn("coordinator", "coordinator"))
                .body();
        assertThat(coordinatorsDashboard).doesNotContain("id=\"read-only\"").contains("id=\"close-now\"",
                "id=\"change-deadline\"", "id=\"remind-form\"", "id=\"record-response\"");
        var closeInConsole = postForm("/console/rounds/named-coordinators/close", patSession,
                Map.of("_csrf", value(HIDDEN_CSRF, get("/login", patSession).body())));
        assertThat(closeInConsole.statusCode()).isEqualTo(403);
        // An emailed reply's page names no round in its path: recording it into this round is refused all the same.
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into emailed_reply (message_id, round_key, consultee_id, from_address, subject, received_at,
                                           body, status)
                values ('<named-coordinators@example.org>', 'named-coordinators', 'melton', 'paul.asfordby@example.org',
                        'Re: Invitation', current_timestamp, 'We prefer A.', 'WAITING')""").update(keys, "id");
        var reply = keys.getKey().longValue();
        var replyInConsole = postForm("/console/replies/" + reply, patSession, Map.of("q-preference", "a",
                "_csrf", value(HIDDEN_CSRF, get("/login", patSession).body())));
        assertThat(replyInConsole.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select status from emailed_reply where id = ?").param(reply).query(String.class).single())
                .isEqualTo("WAITING");
        var approvalByPat = send(request("/api/consultations/named-coordinators/report/approval")
                .header("Authorization", basic("pat", "Pat-password-44")).POST(BodyPublishers.noBody()));
        assertThat(approvalByPat.statusCode()).isEqualTo(403);

        assertThat(access.mayManage("named-coordinators", coordinator("pat"))).isFalse();
        assertThat(access.mayManage("named-coordinators", coordinator("coordinator"))).isTrue();
        assertThat(access.mayManage("named-coordinators", UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_COORDINATOR")))).isTrue();

        // Until the new round's process waits for its deadline, closing it is a 409; then it is the coordinator's.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(send(
                request("/api/consultations/named-coordinators/close")
                        .header("Authorization", basic("coordinator", "coordinator")).POST(BodyPublishers.noBody()))
                .statusCode()).isEqualTo(202));
        assertThat(body(basic("/api/consultations/named-coordinators/history", "pat", "Pat-password-44")))
                .extracting(entry -> entry.path("actor").asText()).contains("admin", "coordinator");
    }

    /** Camunda's own CSRF token, which its webapps send back as X-XSRF-TOKEN with every change. */
    private static String camundaCsrfToken(HttpResponse<?> camundaPage) {
        return camundaPage.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static UsernamePasswordAuthenticationToken coordinator(String name) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList("ROLE_COORDINATOR"));
    }

    private org.camunda.bpm.engine.identity.User user(String id, String password) {
        var user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Test");
        user.setPassword(password);
        return user;
    }

    /** Signs in through the login form as a browser does; returns the new session id. */
    private String signIn(String username, String password) throws Exception {
        var loginPage = send(request("/login").GET());
        var session = value(SESSION, cookie(loginPage));
        var signedIn = postForm("/login", session, Map.of("username", username, "password", password,
                "_csrf", value(HIDDEN_CSRF, loginPage.body())));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        return value(SESSION, cookie(signedIn));
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        return send(request(path).header("Cookie", "JSESSIONID=" + session).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> getJson(String path, String session) throws Exception {
        return send(request(path).header("Cookie", "JSESSIONID=" + session).header("Accept", "application/json").GET());
    }

    /** As a browser submits a form, asking for a page back. */
    private HttpResponse<String> postForm(String path, String session, Map<String, String> fields) throws Exception {
        return send(request(path).header("Cookie", "JSESSIONID=" + session).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields)));
    }

    private HttpResponse<String> basic(String path, String username, String password) throws Exception {
        return send(request(path).header("Authorization", basic(username, password)).GET());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpResponse<?> response) {
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
