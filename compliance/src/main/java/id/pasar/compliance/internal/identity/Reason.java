package id.pasar.compliance.internal.identity;

/**
 * The reason codes of rule set v1, spelled exactly as verdicts carry them. Only a warning
 * lets a seller through to review; every other code rejects.
 */
enum Reason {

    FOREIGN_NATIONALITY, FOREIGN_ENTITY, NIK_REGION_UNKNOWN,
    // Dukcapil may have issued the NIK in a district our copy of the decree lacks, so an
    // officer decides.
    NIK_REGION_UNVERIFIED(true), NIK_BIRTHDATE_INVALID, NIK_MISMATCH, NIK_SERIAL_INVALID, PASSPORT_EXPIRED, MRZ_INVALID,
    MRZ_MISMATCH, NPWP_INVALID, ADDRESS_NOT_DOMESTIC, UNDERAGE, IDENTITY_ALREADY_REGISTERED, PLATFORM_AFFILIATE;

    private final boolean warning;

    Reason() {
        this(false);
    }

    Reason(boolean warning) {
        this.warning = warning;
    }

    boolean isWarning() {
        return warning;
    }

}
