package id.pasar.gateway.openapi;

import java.util.List;
import java.util.Map;

/**
 * The tag of the user who calls an operation (shopper, seller, creator, officer, auditor,
 * admin), by path prefix, the same prefixes SecurityConfiguration grants by; public reads
 * are the shopper's (catalog, profiles, rule sets) and public writes the "public" tag's
 * (sign-up, sign-in, payment gateways' notifications).
 */
final class Users {

    static final List<Map.Entry<String, String>> PREFIXES = List.of(Map.entry("/api/v1/auth/", "public"),
            Map.entry("/api/v1/payments/notifications", "public"), Map.entry("/api/v1/payouts/notifications", "public"),
            Map.entry("/api/v1/admin/", "admin"), Map.entry("/api/v1/compliance/reports/", "auditor"),
            Map.entry("/api/v1/compliance/decisions", "auditor"), Map.entry("/api/v1/compliance/rule-sets", "shopper"),
            Map.entry("/api/v1/compliance/", "officer"), Map.entry("/api/v1/sellers", "seller"),
            Map.entry("/api/v1/listings", "seller"), Map.entry("/api/v1/media", "seller"),
            Map.entry("/api/v1/creators/me", "creator"), Map.entry("/api/v1/affiliate/", "creator"),
            Map.entry("/api/v1/posts", "creator"), Map.entry("/api/v1/sandbox/", "shopper"));

    private Users() {
    }

    static String of(String method, String path, boolean bearer) {
        if ("POST".equalsIgnoreCase(method) && "/api/v1/creators".equals(path)) {
            return "creator";
        }
        if (path.startsWith("/api/v1/posts/") && (path.endsWith("/like") || path.endsWith("/comments"))) {
            return "shopper";
        }
        if ("GET".equalsIgnoreCase(method) && path.startsWith("/api/v1/posts") && !bearer) {
            return "shopper";
        }
        for (Map.Entry<String, String> prefix : PREFIXES) {
            if (path.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return "shopper";
    }

}
