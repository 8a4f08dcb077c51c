package org.consultflow.platform;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The OpenAPI document of ConsultFlow's REST API (/api/** only; springdoc settings in application.yaml), served at
 * /v3/api-docs to coordinators, like the API itself. What springdoc cannot read from the controllers is added here:
 * how a client signs in, and that every refusal is an RFC 9457 problem, whichever layer refuses. Swagger UI
 * (/swagger-ui.html) loads all its script from files, so it runs under the pages' policy without inline script.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI consultFlowApi() {
        return new OpenAPI()
                .info(new Info().title("ConsultFlow API").version("1")
                        .description("""
                                Coordinators start, watch, extend and close consultation rounds, record responses \
                                that came by letter, email or phone, and review the drafted report; admins replay \
                                dead letters. Responses from partner systems and the round's lifecycle events travel \
                                on Kafka instead: see docs/asyncapi.yaml.

                                Sign in with HTTP Basic (API clients), or with the session cookie of a browser signed \
                                in at /login; then every request that changes something also carries the session's \
                                CSRF token from GET /api/csrf in the X-CSRF-TOKEN header.

                                Every refusal is an RFC 9457 problem (application/problem+json): a 400 about a \
                                definition or a response lists each problem in `errors`, and a 500 carries an \
                                `incident` id to quote, never exception text."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("API clients; needs no CSRF token"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("A browser signed in at /login"))
                        .addSecuritySchemes("csrf", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-CSRF-TOKEN")
                                .description("With the session cookie, on every POST, PUT and DELETE: the token "
                                        + "GET /api/csrf returns for that session"))
                        .addSchemas(PROBLEM, problemSchema()))
                // Either Basic alone, or the session cookie together with its CSRF token.
                .security(List.of(new SecurityRequirement().addList("basic"),
                        new SecurityRequirement().addList("session").addList("csrf")));
    }

    /**
     * 401 and 403 come from the security filters and a 500 from UnexpectedApiErrors, so no controller declares them;
     * other refusals differ per operation and are summed up as 4XX.
     */
    @Bean
    OpenApiCustomizer refusalsAsProblems() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            var responses = operation.getResponses();
            responses.putIfAbsent("401", problem("Not signed in: no or wrong credentials"));
            responses.putIfAbsent("403", problem("Not allowed for this account, or the CSRF token is missing"));
            responses.putIfAbsent("4XX", problem("Refused: the problem's title and detail say why"));
            responses.putIfAbsent("500", problem("Failed on ConsultFlow's side; quote the incident id"));
        }));
    }

    /**
     * A file download that declares no type of its own (a report by extension, an attachment) is documented as the
     * bytes of whatever type the file has, not as the JSON that springdoc assumes for the rest.
     */
    @Bean
    OperationCustomizer filesAsBytes() {
        return (operation, handler) -> {
            var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            var body = ResolvableType.forMethodReturnType(handler.getMethod());
            if (mapping != null && mapping.produces().length == 0 && body.toClass() == ResponseEntity.class
                    && body.getGeneric(0).toClass() == byte[].class) {
                operation.getResponses().values().forEach(response -> response.setContent(new Content().addMediaType(
                        "*/*", new MediaType().schema(new StringSchema().format("binary")))));
            }
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new Schema<>().type("array").description(
                        "Every problem found: {path, message} for a definition, text for a response"))
                .addProperty("incident", new StringSchema().format("uuid").description("With a 500 only"));
    }
}
