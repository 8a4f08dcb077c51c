package org.consultflow.consultation;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds every change under {@code /api/consultations/{key}/**} and the console's {@code /console/rounds/{key}/**} to
 * the round's own coordinators (see {@link RoundAccess}), whichever feature's controller serves it: by path, so an
 * action added later is covered too. Reads stay open to every coordinator.
 */
@Configuration(proxyBeanMethods = false)
class RoundChanges implements WebMvcConfigurer, HandlerInterceptor {

    private static final String API = "/api/consultations/";
    private static final String CONSOLE = "/console/rounds/";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final RoundAccess access;

    RoundChanges(RoundAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(API + "{key}/**", CONSOLE + "{key}/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (READS.contains(request.getMethod())) {
            return true;
        }
        // From the path rather than the handler's variables, which another controller may name differently.
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var console = path.startsWith(CONSOLE);
        var key = path.substring((console ? CONSOLE : API).length()).split("/", 2)[0];
        if (!access.mayManage(key, SecurityContextHolder.getContext().getAuthentication())) {
            if (console) {
                // A page, not an API client: the application's error page, with the status.
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return false;
            }
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Only the coordinators this round"
                    + " names, and admins, may change it. You can still see it.");
            problem.setTitle("Not one of this round's coordinators");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        return true;
    }
}
