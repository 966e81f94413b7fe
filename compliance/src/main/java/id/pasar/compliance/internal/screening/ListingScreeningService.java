package id.pasar.compliance.internal.screening;

import id.pasar.compliance.DecisionLog;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.DecisionLog.NewDecision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.compliance.RuleSets;
import id.pasar.compliance.ListingRules;
import id.pasar.compliance.ListingRules.ListingFacts;
import id.pasar.compliance.ListingScreening;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class ListingScreeningService implements ListingScreening {

    private final ListingRules rules;
    private final RuleSets ruleSets;
    private final DecisionLog decisions;
    private final JdbcClient jdbc;

    @Override
    public String activeRuleSetVersion() {
        return ruleSets.active().version();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ListingDecision screenPublication(UUID listingId, int version, ListingFacts facts, String actor) {
        RuleSets.RuleSet ruleSet = ruleSets.active();
        List<String> reasons = rules.check(facts, ruleSet);
        Decision decision = decisions.append(new NewDecision(SubjectType.LISTING_PUBLICATION, listingId, version,
                reasons.isEmpty() ? Outcome.PASS : Outcome.FAIL, reasons, actor, ruleSet.version()));
        return new ListingDecision(reasons.isEmpty(), reasons, decision.decisionId(), decision.ruleSetVersion());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ListingDecision recheckPublished(UUID listingId, int version, ListingFacts facts, String actor) {
        RuleSets.RuleSet ruleSet = ruleSets.active();
        List<String> reasons = rules.check(facts, ruleSet);
        Decision decision = decisions.append(new NewDecision(
                reasons.isEmpty() ? SubjectType.LISTING_PUBLICATION : SubjectType.LISTING_SUSPENSION, listingId, version,
                reasons.isEmpty() ? Outcome.PASS : Outcome.FAIL, reasons, actor, ruleSet.version()));
        return new ListingDecision(reasons.isEmpty(), reasons, decision.decisionId(), decision.ruleSetVersion());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision recordSuspension(UUID listingId, int version, List<String> reasons, String actor) {
        return decisions.append(new NewDecision(SubjectType.LISTING_SUSPENSION, listingId, version, Outcome.FAIL, reasons,
                actor, activeRuleSetVersion()));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isPass(UUID decisionId, UUID listingId, int version) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT compliance.is_publication_pass(:decision, :listing, :version)")
                .param("decision", decisionId)
                .param("listing", listingId)
                .param("version", version)
                .query(Boolean.class)
                .single());
    }
}
