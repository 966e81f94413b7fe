package id.pasar.gateway.accounts;

import id.pasar.gateway.security.AccountStatus;
import id.pasar.gateway.security.Role;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The token filter's view of an account: one lookup by primary key. */
@Component
@RequiredArgsConstructor
class AccountRoles implements AccountStatus {

    private final UserAccountRepository users;

    @Override
    @Transactional(readOnly = true)
    public Optional<Role> currentRole(UUID userId) {
        return users.findRoleById(userId);
    }

}
