package id.pasar.ledger.internal;

import id.pasar.onboarding.SellerIdentities;
import id.pasar.onboarding.Sellers;
import id.pasar.social.CreatorIdentities;
import id.pasar.social.Creators;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who may be paid, by kind of payee (docs/ledger.md, "Payouts"): a seller registers a
 * bank account while VERIFIED and keeps being paid out to it afterwards (what it earned
 * is owed to it); a creator registers one and is paid out only while VERIFIED, so the
 * money of a creator that is pending, rejected or revoked stays held in its available
 * balance. The legal name is personal data: compared in memory, never answered or logged.
 */
@Component
@RequiredArgsConstructor
class Payees {

    private final Sellers sellers;

    private final SellerIdentities sellerIdentities;

    private final Creators creators;

    private final CreatorIdentities creatorIdentities;

    /**
     * The legal name of the payee's verified identity, which a bank account's holder must
     * bear.
     * @throws PayoutProblems.SellerNotVerified for a seller that is not VERIFIED
     * @throws PayoutProblems.CreatorNotVerified for a creator that is not VERIFIED
     */
    String verifiedLegalName(Payee payee) {
        if (payee.kind() == AccountKind.Holder.SELLER) {
            if (!sellers.byId(payee.id()).map(Sellers.SellerSummary::verified).orElse(false)) {
                throw new PayoutProblems.SellerNotVerified();
            }
            return sellerIdentities.of(payee.id())
                .map(SellerIdentities.LegalIdentity::legalName)
                .orElseThrow(PayoutProblems.SellerNotVerified::new);
        }
        if (!payable(payee)) {
            throw new PayoutProblems.CreatorNotVerified();
        }
        return creatorIdentities.of(payee.id())
            .map(CreatorIdentities.LegalIdentity::legalName)
            .orElseThrow(PayoutProblems.CreatorNotVerified::new);
    }

    /**
     * Refuses a payout of a payee that may not be paid now: a creator that is not
     * VERIFIED.
     * @throws PayoutProblems.CreatorNotVerified
     */
    void checkPayable(Payee payee) {
        if (!payable(payee)) {
            throw new PayoutProblems.CreatorNotVerified();
        }
    }

    /** Whether the payee may be paid now: a seller always, a creator while VERIFIED. */
    boolean payable(Payee payee) {
        return payee.kind() == AccountKind.Holder.SELLER
                || creators.standing(payee.id()).map(Creators.CreatorStanding::verified).orElse(false);
    }

}
