package id.pasar.onboarding.internal;

import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.IdentityCipher;
import id.pasar.compliance.Masking;
import id.pasar.compliance.PlatformAffiliateList;
import id.pasar.compliance.SellerIdentity;
import id.pasar.compliance.SellerScreening;
import id.pasar.compliance.SellerScreening.Screening;
import id.pasar.onboarding.SellerIdentities;
import id.pasar.onboarding.SellerRevoked;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.Sellers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seller applications, officer decisions and revocations; compliance decides, this module
 * keeps the seller.
 */
@Slf4j
@Service
public class SellerOnboarding implements Sellers, SellerIdentities {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final String IDENTITY_CONTEXT = "onboarding.sellers.identity";

    private static final Instant BEGINNING = Instant.EPOCH;

    private static final UUID NO_ID = new UUID(0, 0);

    private final SellerRepository sellers;

    private final SellerScreening screening;

    private final IdentityCipher cipher;

    private final PlatformAffiliateList affiliates;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final TransactionTemplate transaction;

    private final JsonMapper json = JsonMapper.builder().build();

    SellerOnboarding(SellerRepository sellers, SellerScreening screening, IdentityCipher cipher,
            PlatformAffiliateList affiliates, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.sellers = sellers;
        this.screening = screening;
        this.cipher = cipher;
        this.affiliates = affiliates;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Screens and stores the caller's application. When two applications with one
     * identity race, the database's unique index lets one through; the other is screened
     * again, now seeing the identity held, and is stored as REJECTED
     * IDENTITY_ALREADY_REGISTERED.
     */
    public SellerView apply(UUID userId, Application application) {
        try {
            return transaction.execute(status -> applyOnce(userId, application));
        }
        // any other refusal (a NUL in a text field, say) is the request's fault
        catch (DuplicateKeyException raced) {
            log.info("An application raced another for the same user or identity; screening it again");
            return transaction.execute(status -> applyOnce(userId, application));
        }
    }

    private Seller applyOnce(UUID userId, Application application) {
        Instant now = clock.instant();
        Seller seller = sellers.findByUserId(userId).orElseGet(() -> new Seller(UUID.randomUUID(), userId, now));
        if (seller.getStatus() != null && seller.getStatus() != SellerStatus.REJECTED) {
            throw new OnboardingProblems.SellerExists();
        }
        SellerIdentity identity = application.identity();
        byte[] index = cipher.blindIndex(identity.identityKind(), identity.identityNumber());
        boolean held = sellers.identityHeldByAnother(index, seller.getId());
        Screening verdict = screening.screenApplication(seller.getId(), identity, application.regencyCode(), held,
                userId.toString());
        byte[] ciphertext = cipher.encrypt(json.writeValueAsString(identity), IDENTITY_CONTEXT);
        byte[] npwpIndex = identity instanceof SellerIdentity.LocalEntity entity ? affiliates.npwpIndex(entity.npwp())
                : null;
        seller.apply(application, new Seller.ProtectedIdentity(index, ciphertext, npwpIndex),
                new Seller.StatusChange(SellerStatus.valueOf(verdict.status().name()), verdict.reasons(),
                        verdict.decisionId(), verdict.ruleSetVersion()),
                now);
        Seller saved = sellers.saveAndFlush(seller);
        log.info("Seller {} applied with {}: {} {}", saved.getId(), identity.documentType(), saved.getStatus(),
                saved.getReasons());
        return saved;
    }

    @Transactional(readOnly = true)
    public SellerView ofCaller(UUID userId) {
        return sellers.findByUserId(userId).orElseThrow(OnboardingProblems.SellerNotFound::new);
    }

    /** One seller, for staff (the caller records the read in the data-access log). */
    @Transactional(readOnly = true)
    public SellerView byIdForStaff(UUID sellerId) {
        return sellers.findById(sellerId).orElseThrow(OnboardingProblems.SellerNotFound::new);
    }

    @Transactional(readOnly = true)
    public List<SellerView> withStatus(SellerStatus status, Instant afterCreated, UUID afterId, int size) {
        return List.copyOf(sellers.pageByStatus(status, afterCreated != null ? afterCreated : BEGINNING,
                afterId != null ? afterId : NO_ID, Limit.of(size)));
    }

    @Transactional
    public SellerView decide(UUID sellerId, boolean approve, String note, UUID officer) {
        Seller seller = sellers.findById(sellerId).orElseThrow(OnboardingProblems.SellerNotFound::new);
        if (!seller.isPending()) {
            throw new OnboardingProblems.NotPending(seller.getStatus());
        }
        Decision decision = screening.recordReview(sellerId, approve, officer.toString());
        if (approve) {
            seller.approve(decision.decisionId(), note, clock.instant());
        }
        else {
            seller.reject(decision.decisionId(), decision.reasons(), note, clock.instant());
        }
        log.info("Officer {} {} seller {}", officer, approve ? "approved" : "rejected", sellerId);
        return seller;
    }

    @Transactional
    public SellerView revoke(UUID sellerId, String reasonCode, String note, String actor) {
        Seller seller = sellers.findById(sellerId).orElseThrow(OnboardingProblems.SellerNotFound::new);
        if (seller.getStatus() != SellerStatus.VERIFIED) {
            throw new OnboardingProblems.NotRevocable(seller.getStatus());
        }
        Decision decision = screening.recordRevocation(sellerId, reasonCode, actor);
        Instant now = clock.instant();
        seller.revoke(decision.decisionId(), reasonCode, note, now);
        sellers.flush();
        events.publishEvent(new SellerRevoked(sellerId, reasonCode, decision.decisionId(), now));
        log.info("Seller {} revoked by {}: {}", sellerId, actor, reasonCode);
        return seller;
    }

    /**
     * Passports are checked every day, not once: a VERIFIED seller whose passport has
     * expired is REVOKED (and its listings come down with it), a pending one is REJECTED.
     * Each seller in its own transaction, so one failure does not hold back the rest.
     */
    public int expirePassports() {
        LocalDate today = LocalDate.now(clock.withZone(JAKARTA));
        List<Seller> expired = sellers.withPassportExpiredBy(today,
                List.of(SellerStatus.VERIFIED, SellerStatus.PENDING_REVIEW), Limit.of(10_000));
        for (Seller seller : expired) {
            transaction.executeWithoutResult(status -> {
                Seller current = sellers.findById(seller.getId()).orElseThrow();
                if (current.getStatus() == SellerStatus.VERIFIED) {
                    revoke(current.getId(), SellerScreening.PASSPORT_EXPIRED, "passport expired", "system");
                }
                else if (current.isPending()) {
                    Decision decision = screening.recordRejection(current.getId(), SellerScreening.PASSPORT_EXPIRED,
                            "system");
                    current.reject(decision.decisionId(), List.of(SellerScreening.PASSPORT_EXPIRED), "passport expired",
                            clock.instant());
                }
            });
        }
        return expired.size();
    }

    /**
     * A new entry of the platform-affiliate list, inside the transaction that adds it: a
     * seller it names is revoked with {@code PLATFORM_AFFILIATE} (its listings come down
     * with it, as in any revocation) or, while pending, rejected. If this fails, the
     * entry is not added either.
     */
    @EventListener
    void on(PlatformAffiliateList.Listed listed) {
        for (Seller seller : sellers.businessesMatching(listed.nibIndex(), listed.npwpIndex())) {
            if (seller.getStatus() == SellerStatus.VERIFIED) {
                revoke(seller.getId(), PlatformAffiliateList.PLATFORM_AFFILIATE, "on the platform-affiliate list",
                        listed.actor());
            }
            else if (seller.isPending()) {
                Decision decision = screening.recordRejection(seller.getId(), PlatformAffiliateList.PLATFORM_AFFILIATE,
                        listed.actor());
                seller.reject(decision.decisionId(), List.of(PlatformAffiliateList.PLATFORM_AFFILIATE),
                        "on the platform-affiliate list", clock.instant());
                log.info("Pending seller {} rejected: on the platform-affiliate list", seller.getId());
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SellerSummary> ofUser(UUID userId) {
        return sellers.findByUserId(userId).map(SellerOnboarding::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SellerSummary> byId(UUID sellerId) {
        return sellers.findById(sellerId).map(SellerOnboarding::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LegalIdentity> of(UUID sellerId) {
        return sellers.findById(sellerId).filter(seller -> seller.getDocumentType() != null).map(this::legal);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, LegalIdentity> of(Collection<UUID> sellerIds) {
        Map<UUID, LegalIdentity> identities = new HashMap<>();
        sellers.findAllById(sellerIds)
            .stream()
            .filter(seller -> seller.getDocumentType() != null)
            .forEach(seller -> identities.put(seller.getId(), legal(seller)));
        return identities;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean provenBy(UUID sellerId, byte[] identityIndex) {
        return sellers.findById(sellerId)
            .map(seller -> seller.getIdentityIndex() != null && Arrays.equals(seller.getIdentityIndex(), identityIndex))
            .orElse(false);
    }

    /** The seller's identity, decrypted, as much of it as its money needs. */
    private LegalIdentity legal(Seller seller) {
        Class<? extends SellerIdentity> type = switch (seller.getDocumentType()) {
            case KTP -> SellerIdentity.Ktp.class;
            case PASSPORT -> SellerIdentity.Passport.class;
            case LOCAL_ENTITY -> SellerIdentity.LocalEntity.class;
        };
        SellerIdentity identity = json.readValue(cipher.decrypt(seller.getIdentityCiphertext(), IDENTITY_CONTEXT),
                type);
        if (identity instanceof SellerIdentity.Ktp ktp) {
            return new LegalIdentity(seller.getId(), true, ktp.fullName(), "NIK", ktp.maskedIdentity());
        }
        if (identity instanceof SellerIdentity.Passport passport) {
            return new LegalIdentity(seller.getId(), true, passport.fullName(), "PASSPORT", passport.maskedIdentity());
        }
        SellerIdentity.LocalEntity entity = (SellerIdentity.LocalEntity) identity;
        return new LegalIdentity(seller.getId(), false, entity.legalName(), "NPWP", Masking.lastThree(entity.npwp()));
    }

    private static SellerSummary summary(Seller seller) {
        return new SellerSummary(seller.getId(), seller.getUserId(), seller.getShopName(), seller.getStatus(),
                seller.getUmkmClass(), seller.getRegencyCode(), seller.getDocumentType());
    }

}
