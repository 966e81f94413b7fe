package id.pasar.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Problem titles and details in the caller's language: Bahasa Indonesia by default,
 * English with {@code Accept-Language: en} (bundles {@code i18n/problems*.properties},
 * keyed by the stable {@code code}). Codes, reasons and field names never change with the
 * language.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemLocalizer {

    public static final Locale INDONESIAN = new Locale("id");

    private final MessageSource messages;

    ProblemLocalizer(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(INDONESIAN);
        resolver.setSupportedLocales(List.of(INDONESIAN, Locale.ENGLISH));
        return resolver;
    }

    void localize(ProblemDetail problem, String code, Locale locale) {
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, problem.getTitle(), locale));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", null, problem.getDetail(), locale));
    }

    /** For problems written before Spring MVC has resolved the request's locale. */
    void localize(ProblemDetail problem, String code, HttpServletRequest request) {
        localize(problem, code, request == null ? INDONESIAN : localeResolver().resolveLocale(request));
    }

}
