package id.pasar.compliance;

import id.pasar.compliance.SellerIdentity.Citizenship;
import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.compliance.SellerIdentity.EntityType;
import id.pasar.compliance.SellerIdentity.Gender;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An identity as a request gives it (a seller's or a creator's application): the fields
 * of all three documents, which ones are required depending on {@code documentType}. Its
 * form is checked here, the same for every kind of account (400, every bad field named);
 * whether the identity may sell or create is the rules' question ({@link IdentityRules}).
 */
public record IdentityDocument(@NotNull DocumentType documentType, @Size(max = 40) String nik,
        @Size(max = 100) String fullName, LocalDate dateOfBirth, Gender gender, Citizenship citizenship,
        @Size(max = 20) String passportNumber, @Size(max = 3) String nationality, LocalDate expiryDate,
        @Size(max = 3) List<@NotNull @Size(max = 60) String> mrz, @Size(max = 200) String legalName,
        EntityType entityType, @Size(max = 30) String nib, @Size(max = 30) String npwp,
        @Size(max = 2) String countryOfIncorporation) {

    /** Masked, like every identity: this record must never print a number whole. */
    @Override
    public String toString() {
        return "IdentityDocument[" + documentType + "]";
    }

    /**
     * The identity these fields give, each number normalised; null, with every bad field
     * added to {@code errors} (named {@code identity.<field>}), when they do not give
     * one.
     */
    public SellerIdentity parse(List<Map<String, String>> errors) {
        IdentityDocument id = this;
        return switch (id.documentType()) {
            case KTP -> {
                String nik = digits(id.nik(), "identity.nik", 16, 16, errors);
                required(id.fullName(), "identity.fullName", errors);
                required(id.dateOfBirth(), "identity.dateOfBirth", errors);
                required(id.gender(), "identity.gender", errors);
                required(id.citizenship(), "identity.citizenship", errors);
                yield errors.isEmpty() ? new SellerIdentity.Ktp(nik, id.fullName().trim(), id.dateOfBirth(),
                        id.gender(), id.citizenship()) : null;
            }
            case PASSPORT -> {
                String number = id.passportNumber() == null ? null
                        : id.passportNumber().trim().toUpperCase(Locale.ROOT);
                if (number == null || !number.matches("[A-Z0-9]{6,9}")) {
                    errors.add(error("identity.passportNumber", "must be 6 to 9 letters or digits"));
                }
                required(id.fullName(), "identity.fullName", errors);
                if (id.nationality() == null || !id.nationality().matches("[A-Z]{3}")) {
                    errors.add(error("identity.nationality", "must be a 3-letter ICAO code such as IDN"));
                }
                required(id.dateOfBirth(), "identity.dateOfBirth", errors);
                required(id.gender(), "identity.gender", errors);
                required(id.expiryDate(), "identity.expiryDate", errors);
                yield errors.isEmpty() ? new SellerIdentity.Passport(number, id.fullName().trim(), id.nationality(),
                        id.dateOfBirth(), id.gender(), id.expiryDate(), id.mrz()) : null;
            }
            case LOCAL_ENTITY -> {
                required(id.legalName(), "identity.legalName", errors);
                required(id.entityType(), "identity.entityType", errors);
                String nib = digits(id.nib(), "identity.nib", 13, 13, errors);
                String npwp = digits(id.npwp(), "identity.npwp", 1, 20, errors);
                if (id.countryOfIncorporation() == null || !id.countryOfIncorporation().matches("[A-Z]{2}")) {
                    errors.add(error("identity.countryOfIncorporation", "must be a 2-letter ISO 3166 code such as ID"));
                }
                yield errors.isEmpty() ? new SellerIdentity.LocalEntity(id.legalName().trim(), id.entityType(), nib,
                        npwp, id.countryOfIncorporation()) : null;
            }
        };
    }

    /**
     * Digits with spaces, dots and dashes removed, as people type them; null when
     * malformed.
     */
    private static String digits(String value, String field, int min, int max, List<Map<String, String>> errors) {
        String compact = value == null ? null : value.replaceAll("[ .\\-]", "");
        if (compact == null || !compact.matches("[0-9]{" + min + "," + max + "}")) {
            errors.add(error(field, min == max ? "must be " + min + " digits" : "must be digits"));
            return null;
        }
        return compact;
    }

    private static void required(Object value, String field, List<Map<String, String>> errors) {
        if (value == null || value instanceof String text && text.isBlank()) {
            errors.add(error(field, "must not be blank"));
        }
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
