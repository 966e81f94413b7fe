package id.pasar.gateway.openapi;

import id.pasar.gateway.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Who may call an operation, asked of the rules that decide it: SecurityConfiguration's
 * {@code authorizeHttpRequests}, through Spring Security's
 * {@link WebInvocationPrivilegeEvaluator} (a request with the operation's method and
 * path, once anonymous and once per role). The document's security requirements therefore
 * name exactly the roles the server lets in; Api9ImproperInventoryTest holds them to the
 * role matrix.
 */
final class Callers {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final WebInvocationPrivilegeEvaluator rules;

    Callers(WebInvocationPrivilegeEvaluator rules) {
        this.rules = rules;
    }

    /**
     * The roles that may call {@code method path}, or {@code null} when anyone may, token
     * or not.
     */
    List<String> of(String method, String path) {
        String uri = path.replaceAll("\\{[^}]+}", "0");
        if (this.rules.isAllowed("", uri, method, ANONYMOUS)) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            Authentication caller = UsernamePasswordAuthenticationToken.authenticated("openapi", null,
                    AuthorityUtils.createAuthorityList("ROLE_" + role.name()));
            if (this.rules.isAllowed("", uri, method, caller)) {
                roles.add(role.name());
            }
        }
        return roles;
    }

}
