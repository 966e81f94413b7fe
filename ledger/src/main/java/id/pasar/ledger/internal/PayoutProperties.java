package id.pasar.ledger.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payouts' settings (docs/ledger.md, "Payouts").
 *
 * @param disbursement {@code sandbox} (default: nothing leaves the platform; a note or
 * holder name containing {@code SANDBOX_FAIL} fails) or {@code iris} (Midtrans Iris,
 * {@code MARKETPLACE_DISBURSEMENT})
 * @param payoutMinimumIdr the smallest payout
 * @param bankAccountChangeHold how long a change of the bank account holds payouts
 * @param freshLogin how recent a login must be to change the bank account
 * @param iris the Iris account
 */
@ConfigurationProperties("pasar.ledger")
public record PayoutProperties(@DefaultValue("sandbox") String disbursement,
        @DefaultValue("10000") long payoutMinimumIdr, @DefaultValue("24h") Duration bankAccountChangeHold,
        @DefaultValue("5m") Duration freshLogin, @DefaultValue Iris iris) {

    public boolean sandbox() {
        return "sandbox".equalsIgnoreCase(disbursement);
    }

    /**
     * @param baseUrl the Iris API's base ({@code MARKETPLACE_IRIS_BASE_URL}; production
     * {@code https://app.midtrans.com/iris})
     * @param creatorKey the creator's API key: creates payouts
     * ({@code MARKETPLACE_IRIS_CREATOR_KEY})
     * @param approverKey the approver's API key: approves them when the account needs
     * approval; none: approved in Iris's dashboard, or by Iris's auto-approval
     * ({@code MARKETPLACE_IRIS_APPROVER_KEY})
     * @param merchantKey signs Iris's notifications
     * ({@code MARKETPLACE_IRIS_MERCHANT_KEY}); none: every notification is refused
     */
    public record Iris(@DefaultValue("https://app.sandbox.midtrans.com/iris") String baseUrl, String creatorKey,
            String approverKey, String merchantKey, @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout) {
    }

}
