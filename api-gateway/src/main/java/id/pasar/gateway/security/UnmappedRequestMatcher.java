package id.pasar.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests that no controller handles: an unknown path, or a known path with a
 * method it does not support. Letting them through security lets Spring MVC answer 404 or
 * 405, as api.md asks, instead of asking for a token first; nothing runs for them but the
 * error answer.
 */
final class UnmappedRequestMatcher implements RequestMatcher {

    private final RequestMappingHandlerMapping mappings;

    UnmappedRequestMatcher(RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            return mappings.getHandler(request) == null;
        }
        catch (HttpRequestMethodNotSupportedException unsupportedMethod) {
            return true;
        }
        catch (Exception mappedButRefused) {
            // e.g. a media type the handler does not take: it needs its usual rights
            // first
            return false;
        }
        finally {
            if (previous != null) {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
            }
            else {
                request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            }
        }
    }

}
