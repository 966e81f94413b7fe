package id.pasar.compliance.internal.identity;

import static id.pasar.compliance.IdentityRules.Status.PENDING_REVIEW;
import static id.pasar.compliance.IdentityRules.Status.REJECTED;
import static id.pasar.compliance.IdentityRules.Status.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.compliance.IdentityRules.IdentityVerdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindingsTest {

    static Findings of(Reason... reasons) {
        Findings findings = new Findings();
        Arrays.stream(reasons).forEach(findings::fail);
        return findings;
    }

    @Test
    void nothingFoundIsVerifiedOnlyWithAConfirmation() {
        assertThat(of().verdict(true)).isEqualTo(new IdentityVerdict(VERIFIED, List.of()));
        assertThat(of().verdict(false)).isEqualTo(new IdentityVerdict(PENDING_REVIEW, List.of()));
    }

    @ParameterizedTest(name = "confirmed: {0}")
    @CsvSource({ "true", "false" })
    void aWarningAloneWaitsForAnOfficer(boolean confirmed) {
        assertThat(of(Reason.NIK_REGION_UNVERIFIED).verdict(confirmed))
            .isEqualTo(new IdentityVerdict(PENDING_REVIEW, List.of("NIK_REGION_UNVERIFIED")));
    }

    @Test
    void anyRejectionRejectsAndKeepsWarningsInOrder() {
        assertThat(
                of(Reason.FOREIGN_NATIONALITY, Reason.NIK_REGION_UNVERIFIED, Reason.NIK_SERIAL_INVALID).verdict(true))
            .isEqualTo(new IdentityVerdict(REJECTED,
                    List.of("FOREIGN_NATIONALITY", "NIK_REGION_UNVERIFIED", "NIK_SERIAL_INVALID")));
    }

    @Test
    void failIfRecordsOnlyAFailure() {
        Findings findings = new Findings();
        findings.failIf(false, Reason.UNDERAGE);
        findings.failIf(true, Reason.MRZ_MISMATCH);
        assertThat(findings.verdict(false)).isEqualTo(new IdentityVerdict(REJECTED, List.of("MRZ_MISMATCH")));
    }

    @Test
    void everyCodeButTheRegionWarningRejects() {
        for (Reason reason : Reason.values()) {
            assertThat(reason.isWarning()).as("%s", reason).isEqualTo(reason == Reason.NIK_REGION_UNVERIFIED);
            assertThat(of(reason).verdict(true).status()).isEqualTo(reason.isWarning() ? PENDING_REVIEW : REJECTED);
        }
    }

    @Test
    void theCodesAreSpelledAsRuleSetV1Spells() {
        assertThat(Arrays.stream(Reason.values()).map(Reason::name)).containsExactlyInAnyOrder("FOREIGN_NATIONALITY",
                "FOREIGN_ENTITY", "NIK_REGION_UNKNOWN", "NIK_REGION_UNVERIFIED", "NIK_BIRTHDATE_INVALID",
                "NIK_MISMATCH", "NIK_SERIAL_INVALID", "PASSPORT_EXPIRED", "MRZ_INVALID", "MRZ_MISMATCH", "NPWP_INVALID",
                "ADDRESS_NOT_DOMESTIC", "UNDERAGE", "IDENTITY_ALREADY_REGISTERED", "PLATFORM_AFFILIATE");
    }

}
