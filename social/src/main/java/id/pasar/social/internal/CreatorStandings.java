package id.pasar.social.internal;

import id.pasar.social.CreatorStatus;
import id.pasar.social.Creators;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Creators}: a creator's account and standing, read from its row at the moment of
 * asking.
 */
@Service
class CreatorStandings implements Creators {

    private final JdbcClient jdbc;

    private final CreatorRegistry registry;

    CreatorStandings(JdbcClient jdbc, CreatorRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public Optional<UUID> ofAccount(UUID accountId) {
        return registry.byAccount(accountId).map(CreatorRegistry.Creator::creatorId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CreatorStanding> standing(UUID creatorId) {
        return jdbc.sql("SELECT id, status, platform_affiliated FROM social.creators WHERE id = :id")
            .param("id", creatorId)
            .query((rs, row) -> new CreatorStanding(rs.getObject("id", UUID.class),
                    CreatorStatus.valueOf(rs.getString("status")), rs.getBoolean("platform_affiliated")))
            .optional();
    }

}
