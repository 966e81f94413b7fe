package id.pasar.gateway.accounts;

import id.pasar.gateway.security.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByEmail(String normalizedEmail);

    boolean existsByEmail(String normalizedEmail);

    @Query("select u.role from UserAccount u where u.id = :id")
    Optional<Role> findRoleById(UUID id);

}
