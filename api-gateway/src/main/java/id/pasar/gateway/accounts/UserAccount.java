package id.pasar.gateway.accounts;

import id.pasar.gateway.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** An account: who may log in, and in which one role. */
@Entity
@Table(schema = "gateway", name = "users")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class UserAccount {

    @Id
    private UUID id;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    UserAccount(EmailAddress email, String passwordHash, String displayName, Role role, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.email = email.value();
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.createdAt = createdAt;
    }

}
