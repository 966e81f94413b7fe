package id.pasar.ledger.internal;

import lombok.extern.slf4j.Slf4j;

/**
 * Pays nothing and reports every transfer paid at once, except one whose holder name or
 * note contains {@value #FAILING_MARKER}, which the bank refuses (to try FAILED).
 */
@Slf4j
class SandboxDisbursement implements Disbursement {

    static final String FAILING_MARKER = "SANDBOX_FAIL";

    @Override
    public Outcome send(Transfer transfer) {
        if (contains(transfer.holderName()) || contains(transfer.note())) {
            return new Refused("sandbox: transfer refused (" + FAILING_MARKER + ")");
        }
        log.info("Sandbox payout {}", transfer);
        return new Paid("SANDBOX-" + transfer.payoutId());
    }

    private static boolean contains(String text) {
        return text != null && text.contains(FAILING_MARKER);
    }

}
