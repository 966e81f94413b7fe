package id.pasar.gateway.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The auditor dashboard: static files under {@code static/auditor/} (HTML, CSS and
 * JavaScript modules, no build step), its charts from the ECharts WebJar under
 * {@code /webjars/}. {@code /auditor/} shows its page; the headers it is served with (a
 * strict Content-Security-Policy) are set in the security configuration.
 */
@Configuration(proxyBeanMethods = false)
class AuditorDashboardConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/auditor", "/auditor/");
        registry.addViewController("/auditor/").setViewName("forward:/auditor/index.html");
    }

}
