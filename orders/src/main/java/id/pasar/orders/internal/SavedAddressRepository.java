package id.pasar.orders.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SavedAddressRepository extends JpaRepository<SavedAddress, UUID> {

    Optional<SavedAddress> findByIdAndShopperId(UUID id, UUID shopperId);

    /** The default first, then the newest. */
    @Query("""
            select a from SavedAddress a where a.shopperId = :shopperId
            order by a.isDefault desc, a.createdAt desc, a.id desc""")
    List<SavedAddress> ofShopper(UUID shopperId);

    long countByShopperId(UUID shopperId);

}
