package org.consultflow.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders each mail twice, from {@code templates/mail/<name>.txt} and {@code <name>.html}. The engine is
 * private so that it neither replaces nor is confused with the one Spring Boot sets up for web pages.
 */
class MailTemplates {

    record Rendered(String text, String html) {}

    private final TemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    Rendered render(String name, Map<String, Object> variables) {
        Context context = new Context(Locale.UK, variables);
        // Text-mode tags on lines of their own leave blank lines behind; trim them at the ends.
        String text = engine.process(name + ".txt", context).strip() + "\n";
        return new Rendered(text, engine.process(name + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        return resolver;
    }
}
