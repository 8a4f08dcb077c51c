package org.consultflow.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GOV.UK Frontend's compiled stylesheet asks for its fonts and crest at {@code /assets/...}; without this they are
 * not found and every GOV.UK-styled page (the response form, caught mail, the report) falls back to a system font.
 * ConsultFlow's own page assets (the response pages' print stylesheet) sit beside them under {@code static/assets},
 * so the consultees' ingress publishes one path for both.
 */
@Configuration(proxyBeanMethods = false)
class GovukFrontendAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/",
                        "classpath:/static/assets/");
    }
}
