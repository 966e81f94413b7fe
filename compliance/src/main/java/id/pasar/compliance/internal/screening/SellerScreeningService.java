package id.pasar.compliance.internal.screening;

import id.pasar.compliance.DecisionLog;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.DecisionLog.NewDecision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.compliance.IdentityRegistry;
import id.pasar.compliance.IdentityRules;
import id.pasar.compliance.IdentityRules.Facts;
import id.pasar.compliance.IdentityRules.IdentityVerdict;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.RuleSets;
import id.pasar.compliance.SellerIdentity;
import id.pasar.compliance.SellerScreening;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Slf4j
@Service
@RequiredArgsConstructor
class SellerScreeningService implements SellerScreening {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final IdentityRules rules;

    private final DecisionLog decisions;

    private final PlatformAffiliateRegister affiliates;

    private final List<IdentityRegistry> registries;

    private final RuleSets ruleSets;

    private final Clock clock;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Screening screenApplication(UUID sellerId, SellerIdentity identity, RegencyCode registeredAddress,
            boolean alreadyRegistered, String actor) {
        boolean affiliate = identity instanceof SellerIdentity.LocalEntity entity
                && affiliates.lists(entity.nib(), entity.npwp());
        return screen(SubjectType.SELLER_APPLICATION, sellerId, identity, registeredAddress, alreadyRegistered,
                affiliate, actor);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Screening screenCreatorApplication(UUID creatorId, SellerIdentity identity, RegencyCode address,
            boolean alreadyRegistered, String actor) {
        return screen(SubjectType.CREATOR_APPLICATION, creatorId, identity, address, alreadyRegistered, false, actor);
    }

    private Screening screen(SubjectType type, UUID subjectId, SellerIdentity identity, RegencyCode registeredAddress,
            boolean alreadyRegistered, boolean affiliate, String actor) {
        boolean confirmed = registries.stream().anyMatch(registry -> confirms(registry, identity));
        IdentityVerdict verdict = rules.assess(identity, registeredAddress,
                new Facts(alreadyRegistered, affiliate, confirmed), LocalDate.now(clock.withZone(JAKARTA)));
        Outcome outcome = switch (verdict.status()) {
            case VERIFIED -> Outcome.PASS;
            case REJECTED -> Outcome.FAIL;
            case PENDING_REVIEW -> Outcome.REVIEW;
        };
        Decision decision = decisions.append(
                new NewDecision(type, subjectId, null, outcome, verdict.reasons(), actor, ruleSets.active().version()));
        return new Screening(verdict.status(), verdict.reasons(), decision.decisionId(), decision.ruleSetVersion());
    }

    /**
     * A registry that fails is a registry that did not confirm: the application goes to
     * an officer.
     */
    private static boolean confirms(IdentityRegistry registry, SellerIdentity identity) {
        try {
            return registry.confirms(identity);
        }
        catch (RuntimeException e) {
            log.warn("Identity registry {} failed; the application waits for an officer",
                    registry.getClass().getSimpleName(), e);
            return false;
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision recordReview(UUID sellerId, boolean approved, String officer) {
        return decisions
            .append(new NewDecision(SubjectType.SELLER_REVIEW, sellerId, null, approved ? Outcome.PASS : Outcome.FAIL,
                    approved ? List.of() : List.of(OFFICER_REJECTED), officer, ruleSets.active().version()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision recordRejection(UUID sellerId, String reasonCode, String actor) {
        return decisions.append(new NewDecision(SubjectType.SELLER_REVIEW, sellerId, null, Outcome.FAIL,
                List.of(reasonCode), actor, ruleSets.active().version()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision recordRevocation(UUID sellerId, String reasonCode, String actor) {
        return decisions.append(new NewDecision(SubjectType.SELLER_REVOCATION, sellerId, null, Outcome.FAIL,
                List.of(reasonCode), actor, ruleSets.active().version()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision recordCreatorReview(UUID creatorId, boolean approved, String officer) {
        return decisions
            .append(new NewDecision(SubjectType.CREATOR_REVIEW, creatorId, null, approved ? Outcome.PASS : Outcome.FAIL,
                    approved ? List.of() : List.of(OFFICER_REJECTED), officer, ruleSets.active().version()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision recordCreatorRevocation(UUID creatorId, String reasonCode, String actor) {
        return decisions.append(new NewDecision(SubjectType.CREATOR_REVOCATION, creatorId, null, Outcome.FAIL,
                List.of(reasonCode), actor, ruleSets.active().version()));
    }

}
