package id.pasar.ledger.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PMK 37/2025's figures, as configuration with the regulation's defaults (docs/ledger.md,
 * "PPh 22"; ../shared/design/domain-facts.md §11: the regulation's own text was not read,
 * only its published summaries).
 *
 * @param pph22RateBp the PPh 22 rate on the gross item amount, in basis points: 50 is 0.5
 * %
 * @param pph22ExemptTurnoverIdr the annual turnover up to which an individual seller with
 * a statement letter is not collected from
 */
@ConfigurationProperties("pasar.ledger")
public record LedgerProperties(@DefaultValue("50") int pph22RateBp,
        @DefaultValue("500000000") long pph22ExemptTurnoverIdr) {
}
