package id.pasar.compliance;

import java.util.List;
import java.util.Optional;

/**
 * Kemendagri region codes (Kepmendagri 300.2.2-2430/2025) and the codes retired by the
 * 2022 Papua split. Codes are dotted: province {@code 32}, regency {@code 32.04},
 * district {@code 32.04.11}. "Current" means in the decree now; "known" means current or
 * retired, which is what a NIK may carry, since a NIK never changes.
 */
public interface Regions {

    /** The 38 current provinces, by code. */
    List<Province> provinces();

    Optional<Province> province(String code);

    /**
     * The current regencies and cities of a province, by code; empty for an unknown
     * province.
     */
    List<Regency> regenciesOf(String provinceCode);

    /** A current regency or city. */
    Optional<Regency> regency(RegencyCode code);

    boolean isCurrentRegency(RegencyCode code);

    boolean isKnownProvince(String code);

    boolean isKnownRegency(String dottedCode);

    boolean isKnownDistrict(String dottedCode);

    record Province(String code, String name) {
    }

    record Regency(String code, String provinceCode, String name) {
    }

}
