package id.pasar.gateway.database;

import id.pasar.gateway.database.ReadReplicas.Replica;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one place that decides which requests may read from a replica (ADR 0033): a GET of
 * the public catalog or of the discover feed, without a token. Everything else reads and
 * writes on the primary: any request with a token (a shopper's or seller's own data, and
 * what they have just written, never comes from a replica), every write, the seller's and
 * staff's reads, the shopper's own feed ({@code GET /api/v1/feed} is the follows of the
 * caller), health checks, scheduled jobs and background threads.
 *
 * <p>
 * The routes are mapped to this interceptor by path; it marks the request's thread while
 * the handler runs, and {@link ReadRoutingDataSource} sends the connections taken on a
 * marked thread to a fresh replica. None of these handlers writes: their counts
 * (impressions, detail views) are kept in memory and flushed by a scheduled job, on the
 * primary.
 */
final class AnonymousCatalogReads implements HandlerInterceptor {

    /** The path patterns of the routes, with GET. */
    static final List<String> ROUTES = List.of("/api/v1/catalog/listings", "/api/v1/catalog/listings/*",
            "/api/v1/catalog/categories", "/api/v1/catalog/ranking", "/api/v1/discover", "/api/v1/discover/ranking");

    private static final ThreadLocal<Route> CURRENT = new ThreadLocal<>();

    /**
     * The reads of one request: once one has gone to a replica, the next ones go to the
     * same replica while it stays fresh, so a page is read from one server.
     */
    static final class Route {

        Replica replica;

    }

    /** The route of the current thread's anonymous catalog read, or null. */
    static Route current() {
        return CURRENT.get();
    }

    static boolean isAnonymousCatalogRead(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getUserPrincipal() == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isAnonymousCatalogRead(request)) {
            CURRENT.set(new Route());
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        CURRENT.remove();
    }

}
