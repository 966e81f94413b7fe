package id.pasar.compliance.internal.rulesets;

import id.pasar.compliance.ListingRules;
import id.pasar.compliance.RuleSets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Rule sets v1 and v2 (compliance-rules.md). v2's instant is configuration, not code: the
 * halal deadline has moved before ({@code MARKETPLACE_RULESET_V2_EFFECTIVE_FROM}).
 */
@Component
class RuleSetCalendar implements RuleSets {

    /**
     * The identity and listing checks of v1, in the order they run; their codes are the
     * reasons.
     */
    static final List<String> V1_RULES = List.of("FOREIGN_NATIONALITY", "FOREIGN_ENTITY", "NIK_REGION_UNKNOWN",
            "NIK_REGION_UNVERIFIED", "NIK_BIRTHDATE_INVALID", "NIK_MISMATCH", "NIK_SERIAL_INVALID", "UNDERAGE",
            "PASSPORT_EXPIRED", "MRZ_INVALID", "MRZ_MISMATCH", "NPWP_INVALID", "ADDRESS_NOT_DOMESTIC",
            "IDENTITY_ALREADY_REGISTERED", "PLATFORM_AFFILIATE", "SELLER_NOT_VERIFIED", "SHIP_FROM_NOT_DOMESTIC",
            "PROHIBITED_CATEGORY", "LICENCE_REQUIRED");

    private static final Instant V1_FROM = OffsetDateTime.parse("2026-01-01T00:00+07:00").toInstant();

    private final List<RuleSet> ruleSets;

    private final Clock clock;

    RuleSetCalendar(RuleSetProperties properties, Clock clock) {
        this.clock = clock;
        List<Rule> v1 = V1_RULES.stream().map(Rule::new).toList();
        List<Rule> v2 = Stream.concat(v1.stream(), Stream.of(new Rule(ListingRules.HALAL_CERTIFICATE_REQUIRED)))
            .toList();
        List<RuleSet> sets = new ArrayList<>(List.of(new RuleSet("v1", V1_FROM, v1),
                new RuleSet("v2", properties.v2EffectiveFrom().toInstant(), v2)));
        sets.sort(Comparator.comparing(RuleSet::effectiveFrom));
        this.ruleSets = List.copyOf(sets);
    }

    @Override
    public List<RuleSet> all() {
        return ruleSets;
    }

    @Override
    public RuleSet activeAt(Instant instant) {
        RuleSet active = ruleSets.get(0);
        for (RuleSet ruleSet : ruleSets) {
            if (!ruleSet.effectiveFrom().isAfter(instant)) {
                active = ruleSet;
            }
        }
        return active;
    }

    @Override
    public RuleSet active() {
        return activeAt(clock.instant());
    }

    /**
     * @param v2EffectiveFrom when rule set v2 (halal certification) takes effect
     */
    @ConfigurationProperties("pasar.compliance.rule-sets")
    record RuleSetProperties(@DefaultValue("2026-10-18T00:00+07:00") OffsetDateTime v2EffectiveFrom) {
    }

}
