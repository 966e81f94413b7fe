package id.pasar.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * The identity a seller proves, as declared, already well-formed (the web layer answers
 * 400 for malformed numbers): a KTP, an Indonesian passport, or a local business entity.
 * Identity numbers here are personal data: never log them, never put them in a response
 * unmasked.
 */
public sealed interface SellerIdentity permits SellerIdentity.Ktp, SellerIdentity.Passport, SellerIdentity.LocalEntity {

    DocumentType documentType();

    /**
     * The identity number that must back at most one seller (NIK, passport number or
     * NIB), normalised.
     */
    String identityNumber();

    /**
     * What kind of number {@link #identityNumber()} is, for its blind index: NIK,
     * PASSPORT or NIB.
     */
    default String identityKind() {
        return switch (documentType()) {
            case KTP -> "NIK";
            case PASSPORT -> "PASSPORT";
            case LOCAL_ENTITY -> "NIB";
        };
    }

    /**
     * The identity number masked as api.md says: NIK first 6 and last 2 digits, the
     * others the last 3.
     */
    default String maskedIdentity() {
        return Masking.mask(documentType(), identityNumber());
    }

    enum DocumentType {

        KTP, PASSPORT, LOCAL_ENTITY

    }

    enum Gender {

        MALE, FEMALE

    }

    enum Citizenship {

        WNI, WNA

    }

    enum EntityType {

        PT, PT_PERORANGAN, CV, FIRMA, KOPERASI, UD

    }

    /** A KTP: {@code nik} is 16 ASCII digits (separators already removed). */
    record Ktp(String nik, String fullName, LocalDate dateOfBirth, Gender gender,
            Citizenship citizenship) implements SellerIdentity {
        @Override
        public DocumentType documentType() {
            return DocumentType.KTP;
        }

        @Override
        public String identityNumber() {
            return nik;
        }

        /** Masked: an identity must never reach a log line whole, even by accident. */
        @Override
        public String toString() {
            return "Ktp[nik=" + maskedIdentity() + ", citizenship=" + citizenship + "]";
        }
    }

    /**
     * A passport: {@code passportNumber} is 6-9 letters or digits, upper-cased;
     * {@code nationality} an ICAO code such as {@code IDN}; {@code mrz} empty or the two
     * TD3 lines as given.
     */
    record Passport(String passportNumber, String fullName, String nationality, LocalDate dateOfBirth, Gender gender,
            LocalDate expiryDate, List<String> mrz) implements SellerIdentity {
        public Passport {
            mrz = mrz == null ? List.of() : List.copyOf(mrz);
        }

        @Override
        public DocumentType documentType() {
            return DocumentType.PASSPORT;
        }

        @Override
        public String identityNumber() {
            return passportNumber;
        }

        @Override
        public String toString() {
            return "Passport[number=" + maskedIdentity() + ", nationality=" + nationality + "]";
        }
    }

    /**
     * A business: {@code nib} 13 digits; {@code npwp} digits only (separators removed),
     * of any length, judged by the rules; {@code countryOfIncorporation} an ISO 3166
     * alpha-2 code.
     */
    record LocalEntity(String legalName, EntityType entityType, String nib, String npwp,
            String countryOfIncorporation) implements SellerIdentity {
        @Override
        public DocumentType documentType() {
            return DocumentType.LOCAL_ENTITY;
        }

        @Override
        public String identityNumber() {
            return nib;
        }

        @Override
        public String toString() {
            return "LocalEntity[nib=" + maskedIdentity() + ", npwp=" + Masking.lastThree(npwp) + ", entityType="
                    + entityType + "]";
        }
    }

}
