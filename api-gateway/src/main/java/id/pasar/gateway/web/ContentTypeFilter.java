package id.pasar.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body says what it is: a {@code Content-Type} with a wildcard ({@code *}{@code /*},
 * {@code application/*}) names no media type, and Spring refuses to even read it
 * ({@code IllegalArgumentException} deep in the header parsing, a 500). Such a request,
 * or one whose {@code Content-Type} does not parse, is 415 {@code UNSUPPORTED_MEDIA_TYPE}
 * here, before anything reads it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentTypeFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ContentTypeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !concrete(contentType)) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Unsupported media type", "Content-Type must name one media type, such as application/json.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        }
        catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

}
