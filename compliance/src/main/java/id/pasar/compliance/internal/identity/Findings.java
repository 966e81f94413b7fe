package id.pasar.compliance.internal.identity;

import id.pasar.compliance.IdentityRules.IdentityVerdict;
import id.pasar.compliance.IdentityRules.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The failing checks of one assessment, in the order they ran, since verdicts list them
 * that way.
 */
final class Findings {

    private final List<Reason> reasons = new ArrayList<>();

    void failIf(boolean failed, Reason reason) {
        if (failed) {
            reasons.add(reason);
        }
    }

    void fail(Reason reason) {
        reasons.add(reason);
    }

    IdentityVerdict verdict(boolean registryConfirmed) {
        boolean rejected = reasons.stream().anyMatch(reason -> !reason.isWarning());
        if (rejected) {
            return new IdentityVerdict(Status.REJECTED, codes());
        }
        // A registry confirms the number exists, not that our region data knows it, so a
        // warning still needs an officer.
        if (registryConfirmed && reasons.isEmpty()) {
            return new IdentityVerdict(Status.VERIFIED, List.of());
        }
        return new IdentityVerdict(Status.PENDING_REVIEW, codes());
    }

    private List<String> codes() {
        return reasons.stream().map(Reason::name).toList();
    }

}
