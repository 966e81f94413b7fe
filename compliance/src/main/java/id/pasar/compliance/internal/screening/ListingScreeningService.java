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
    public ListingDecision screenPublication(UUID listingId, int version, String contentHash, ListingFacts facts,
            String actor) {
        RuleSets.RuleSet ruleSet = ruleSets.active();
        List<String> reasons = rules.check(facts, ruleSet);
        Decision decision = decisions.append(new NewDecision(SubjectType.LISTING_PUBLICATION, listingId, version,
                reasons.isEmpty() ? Outcome.PASS : Outcome.FAIL, reasons, actor, ruleSet.version(), contentHash));
        return new ListingDecision(reasons.isEmpty(), reasons, decision.decisionId(), decision.ruleSetVersion());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ListingDecision> recheckPublished(List<Recheck> listings, String actor) {
        RuleSets.RuleSet ruleSet = ruleSets.active();
        List<NewDecision> batch = listings.stream().map(listing -> {
            List<String> reasons = rules.check(listing.facts(), ruleSet);
            return new NewDecision(reasons.isEmpty() ? SubjectType.LISTING_PUBLICATION : SubjectType.LISTING_SUSPENSION,
                    listing.listingId(), listing.version(), reasons.isEmpty() ? Outcome.PASS : Outcome.FAIL, reasons,
                    actor, ruleSet.version(), listing.contentHash());
        }).toList();
        return decisions.appendAll(batch)
            .stream()
            .map(d -> new ListingDecision(d.outcome() == Outcome.PASS, d.reasons(), d.decisionId(), d.ruleSetVersion()))
            .toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int countPasses(List<Recheck> listings, List<UUID> decisionIds) {
        if (listings.isEmpty()) {
            return 0;
        }
        return jdbc
            .sql("""
                    SELECT count(*) FROM unnest(CAST(:decisions AS uuid[]), CAST(:listings AS uuid[]), CAST(:versions AS int[]),
                        CAST(:contents AS text[])) AS x(decision, listing, version, content)
                    WHERE compliance.is_publication_pass(x.decision, x.listing, x.version, x.content)""")
            .param("decisions", "{" + String.join(",", decisionIds.stream().map(UUID::toString).toList()) + "}")
            .param("listings",
                    "{" + String.join(",", listings.stream().map(l -> l.listingId().toString()).toList()) + "}")
            .param("versions",
                    "{" + String.join(",", listings.stream().map(l -> Integer.toString(l.version())).toList()) + "}")
            // hex digits or null: nothing to quote
            .param("contents",
                    "{" + String.join(",", listings.stream().map(l -> String.valueOf(l.contentHash())).toList()) + "}")
            .query(Integer.class)
            .single();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision recordSuspension(UUID listingId, int version, List<String> reasons, String actor) {
        return decisions.append(new NewDecision(SubjectType.LISTING_SUSPENSION, listingId, version, Outcome.FAIL,
                reasons, actor, activeRuleSetVersion()));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isPass(UUID decisionId, UUID listingId, int version, String contentHash) {
        return Boolean.TRUE.equals(jdbc
            .sql("SELECT compliance.is_publication_pass(:decision, :listing, :version, " + "CAST(:content AS text))")
            .param("decision", decisionId)
            .param("listing", listingId)
            .param("version", version)
            .param("content", contentHash)
            .query(Boolean.class)
            .single());
    }

}
