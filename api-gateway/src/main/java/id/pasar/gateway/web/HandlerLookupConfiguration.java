package id.pasar.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The controllers' handler lookup tries the path first. Spring MVC finds the handler of a
 * path with a variable ({@code /api/v1/catalog/listings/{id}}) by trying every mapping of
 * the application in turn, and tries each one's method, parameters, headers, consumes,
 * produces and version before its path; on a listing detail that walk took about an
 * eighth of the JVM's time (docs/performance.md). Here a mapping whose path does not
 * match is dropped after that one check, and the one or two whose path matches are tried
 * in full, by Spring's own code. The answer cannot differ: a mapping matches only when
 * all its conditions do, whatever their order; and the 404, 405, 406 and 415 answers
 * still come from Spring's handling of no match, which looks at every mapping.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookupConfiguration {

    @Bean
    WebMvcRegistrations pathFirstHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstRequestMappingHandlerMapping();
            }
        };
    }

    static final class PathFirstRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

    }

}
