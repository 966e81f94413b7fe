package id.pasar.compliance;

import java.time.Instant;
import java.util.List;

/**
 * The rule sets, each a version with the instant it takes effect and the rules it holds.
 * Exactly one is active: the one with the latest {@code effectiveFrom} that is not in the
 * future. Every decision records the version that made it (compliance-rules.md).
 */
public interface RuleSets {

    /** Oldest first. */
    List<RuleSet> all();

    RuleSet activeAt(Instant instant);

    /** Active now, by the application's clock. */
    RuleSet active();

    /** A rule: its code is also the reason code a failing check reports. */
    record Rule(String code) {
    }

    record RuleSet(String version, Instant effectiveFrom, List<Rule> rules) {
        public RuleSet {
            rules = List.copyOf(rules);
        }

        public boolean has(String ruleCode) {
            return rules.stream().anyMatch(rule -> rule.code().equals(ruleCode));
        }
    }

}
