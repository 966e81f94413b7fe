package id.pasar.compliance.web;

import id.pasar.compliance.ReportPeriod;
import id.pasar.compliance.RuleSets;
import id.pasar.kernel.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules are public: anyone can read which rule sets exist, when each applies, and
 * what each checks.
 */
@RestController
@RequiredArgsConstructor
@Tag(name = "Rule sets", description = "The compliance rules, versioned and dated (no token needed)")
class RuleSetController {

    private final RuleSets ruleSets;

    private final MessageSource messages;

    @GetMapping("/api/v1/compliance/rule-sets")
    @Operation(summary = "Every rule set with its rules; exactly one is active",
            description = "Descriptions in Bahasa Indonesia, or English with Accept-Language: en.")
    KeysetPage<RuleSetItem> ruleSets(Locale locale) {
        String active = ruleSets.active().version();
        return KeysetPage.whole(ruleSets.all()
            .stream()
            .map(set -> new RuleSetItem(set.version(),
                    set.effectiveFrom().atZone(ReportPeriod.JAKARTA).toOffsetDateTime(), set.version().equals(active),
                    set.rules()
                        .stream()
                        .map(rule -> new RuleItem(rule.code(),
                                messages.getMessage("rule." + rule.code(), null, rule.code(), locale)))
                        .toList()))
            .toList());
    }

    record RuleSetItem(String version, OffsetDateTime effectiveFrom, boolean active, List<RuleItem> rules) {
    }

    record RuleItem(String code, String description) {
    }

}
