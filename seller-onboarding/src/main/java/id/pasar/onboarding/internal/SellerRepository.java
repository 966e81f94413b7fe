package id.pasar.onboarding.internal;

import id.pasar.onboarding.SellerStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SellerRepository extends JpaRepository<Seller, UUID> {

    Optional<Seller> findByUserId(UUID userId);

    /** Whether another seller holds this identity: any status but REJECTED holds one. */
    @Query("""
            select count(s) > 0 from Seller s
            where s.identityIndex = :index and s.status <> id.pasar.onboarding.SellerStatus.REJECTED and s.id <> :self
            """)
    boolean identityHeldByAnother(byte[] index, UUID self);

    @Query("""
            select s from Seller s where s.status = :status
            and (s.createdAt > :afterCreated or (s.createdAt = :afterCreated and s.id > :afterId))
            order by s.createdAt, s.id
            """)
    List<Seller> pageByStatus(SellerStatus status, Instant afterCreated, UUID afterId, Limit limit);

    @Query("select s from Seller s where s.passportExpiry <= :today and s.status in :statuses order by s.id")
    List<Seller> withPassportExpiredBy(LocalDate today, List<SellerStatus> statuses, Limit limit);

    /**
     * Sellers an entry of the platform-affiliate list names: a business by its NIB or its
     * NPWP.
     */
    @Query("""
            select s from Seller s where s.documentType = id.pasar.compliance.SellerIdentity.DocumentType.LOCAL_ENTITY
            and (s.identityIndex = :nibIndex or s.npwpIndex = :npwpIndex) order by s.id
            """)
    List<Seller> businessesMatching(byte[] nibIndex, byte[] npwpIndex);

}
