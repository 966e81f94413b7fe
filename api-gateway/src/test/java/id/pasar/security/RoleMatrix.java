package id.pasar.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The role matrix, {@code src/test/resources/security/role-matrix.csv}: every endpoint of
 * api.md with the roles that may call it. One row per method and path; {@code #} starts a
 * comment.
 */
final class RoleMatrix {

    static final String RESOURCE = "/security/role-matrix.csv";
    static final String ANYONE = "ANYONE";
    static final List<String> ROLES = List.of("SHOPPER", "SELLER", "COMPLIANCE_OFFICER", "AUDITOR", "ADMIN", "CREATOR");

    private RoleMatrix() {
    }

    /** One endpoint: {@code roles} is {@code [ANYONE]} for a public one. */
    record Row(String method, String path, Set<String> roles) {

        boolean isPublic() {
            return roles.contains(ANYONE);
        }

        boolean allows(String role) {
            return isPublic() || roles.contains(role);
        }

        /**
         * {@code "GET /api/v1/orders/{orderId}"}: what mappings and the OpenAPI document
         * are compared by.
         */
        String endpoint() {
            return method + " " + path;
        }

        boolean hasPathVariables() {
            return path.contains("{");
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Objects.requireNonNull(RoleMatrix.class.getResourceAsStream(RESOURCE), RESOURCE),
                        StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] columns = line.split(",", -1);
                if (columns.length != 3) {
                    throw new IllegalStateException("role-matrix.csv: 3 columns expected in: " + line);
                }
                Set<String> roles = new LinkedHashSet<>(List.of(columns[2].trim().split("\\s+")));
                for (String role : roles) {
                    if (!role.equals(ANYONE) && !ROLES.contains(role)) {
                        throw new IllegalStateException("role-matrix.csv: unknown role " + role + " in: " + line);
                    }
                }
                rows.add(new Row(columns[0].trim(), columns[1].trim(), roles));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Set<String> endpoints() {
        return rows().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
    }

}
