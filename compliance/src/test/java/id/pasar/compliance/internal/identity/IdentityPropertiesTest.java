package id.pasar.compliance.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.compliance.IdentityRules.Facts;
import id.pasar.compliance.IdentityRules.IdentityVerdict;
import id.pasar.compliance.IdentityRules.Status;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity.Citizenship;
import id.pasar.compliance.SellerIdentity.EntityType;
import id.pasar.compliance.SellerIdentity.Gender;
import id.pasar.compliance.SellerIdentity.Ktp;
import id.pasar.compliance.SellerIdentity.LocalEntity;
import id.pasar.compliance.SellerIdentity.Passport;
import id.pasar.compliance.internal.TestRegions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based tests (jqwik) of the identity validators: on arbitrary strings they
 * never fail with an unexpected exception, and on generated identity numbers (mostly
 * near-valid, so that every branch is reached) they agree with {@link IdentityOracle}, an
 * independent reading of the rules. A few hundred tries per property keep the class under
 * a few seconds.
 */
class IdentityPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    /**
     * A current regency (Kabupaten Bandung): the address is not what these properties are
     * about.
     */
    static final RegencyCode ADDRESS = RegencyCode.parse("32.04");
    static final IdentityRuleSet rules = new IdentityRuleSet(TestRegions.load());
    static final String MRZ_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    // ---- arbitrary strings: only the documented failures

    @Property(tries = 500)
    void aNikIsReadFromSixteenAsciiDigitsAndAnythingElseIsRefusedPlainly(@ForAll("anyText") String text) {
        if (IdentityOracle.isNikForm(text)) {
            Nik nik = new Nik(text);
            nik.birth(TODAY);
            nik.hasSerial();
            nik.districtCode();
        }
        else {
            assertThatThrownBy(() -> new Nik(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 500)
    void luhnNpwpAndMrzAnswerEveryStringWithoutThrowing(@ForAll("anyText") String first,
            @ForAll("anyText") String second) {
        assertThat(Luhn.isValid(first)).isEqualTo(IdentityOracle.luhn(first));
        Npwp npwp = new Npwp(first);
        assertThat(npwp.hasTaxOfficeForm()).isEqualTo(IdentityOracle.npwpTaxOfficeForm(first));
        assertThat(npwp.asNik())
            .isEqualTo(IdentityOracle.isNikForm(first) ? Optional.of(new Nik(first)) : Optional.empty());
        assertThat(Mrz.read(List.of(first, second))).isEmpty();
        assertThat(Mrz.read(List.of(first))).isEmpty();
        assertThat(Mrz.read(List.of())).isEmpty();
    }

    @Property(tries = 300)
    void passportRulesAnswerArbitraryDeclarations(@ForAll("anyText") String number,
            @ForAll("anyText") String nationality, @ForAll("anyText") String line1, @ForAll("anyText") String line2,
            @ForAll("dates") LocalDate born, @ForAll("dates") LocalDate expiry) {
        IdentityVerdict verdict = rules.assess(
                new Passport(number, "X", nationality, born, Gender.MALE, expiry, List.of(line1, line2)), ADDRESS,
                new Facts(false, false, false), TODAY);
        assertThat(verdict.status()).isEqualTo(Status.REJECTED);
        assertThat(verdict.reasons().contains("MRZ_INVALID"))
            .isEqualTo(IdentityOracle.mrzFields(List.of(line1, line2)) == null);
    }

    @Property(tries = 300)
    void entityRulesAnswerArbitraryNpwps(@ForAll("anyText") String npwp, @ForAll EntityType type) {
        IdentityVerdict verdict = rules.assess(new LocalEntity("CV Maju", type, "1234567890123", npwp, "ID"), ADDRESS,
                new Facts(false, false, false), TODAY);
        assertThat(verdict.reasons().contains("NPWP_INVALID"))
            .isEqualTo(!IdentityOracle.npwpTaxOfficeForm(npwp) && !(IdentityOracle.isNikForm(npwp)
                    && (type == EntityType.PT_PERORANGAN || type == EntityType.UD) && nikFormSound(npwp)));
    }

    // ---- generated identity numbers against the oracle

    @Property(tries = 1000)
    void theNikBirthAndSerialAreReadAsTheOracleReadsThem(@ForAll("niks") String digits) {
        boolean[] female = new boolean[1];
        LocalDate expected = IdentityOracle.nikBirth(digits, TODAY, female);
        Optional<Nik.Birth> birth = new Nik(digits).birth(TODAY);
        if (expected == null) {
            assertThat(birth).isEmpty();
        }
        else {
            assertThat(birth).contains(new Nik.Birth(expected, female[0] ? Gender.FEMALE : Gender.MALE));
        }
        assertThat(new Nik(digits).hasSerial()).isEqualTo(IdentityOracle.nikHasSerial(digits));
    }

    @Property(tries = 1000)
    void ktpVerdictsAgreeWithTheOracle(@ForAll("niks") String digits, @ForAll("dates") LocalDate declaredBirth,
            @ForAll Gender declaredGender, @ForAll("mostlyWni") Citizenship citizenship,
            @ForAll("rarely") boolean alreadyRegistered, @ForAll boolean registryConfirmed,
            @ForAll boolean declareWhatTheNikSays) {
        boolean[] female = new boolean[1];
        LocalDate encoded = IdentityOracle.nikBirth(digits, TODAY, female);
        Gender encodedGender = female[0] ? Gender.FEMALE : Gender.MALE;
        LocalDate born = declareWhatTheNikSays && encoded != null ? encoded : declaredBirth;
        Gender gender = declareWhatTheNikSays && encoded != null ? encodedGender : declaredGender;

        List<String> expected = new ArrayList<>();
        if (citizenship != Citizenship.WNI) {
            expected.add("FOREIGN_NATIONALITY");
        }
        if (!IdentityOracle.nikProvinceKnown(digits)) {
            expected.add("NIK_REGION_UNKNOWN");
        }
        else if (!IdentityOracle.nikRegionKnown(digits)) {
            expected.add("NIK_REGION_UNVERIFIED");
        }
        if (encoded == null) {
            expected.add("NIK_BIRTHDATE_INVALID");
        }
        else {
            if (!encoded.equals(born) || encodedGender != gender) {
                expected.add("NIK_MISMATCH");
            }
            if (IdentityOracle.age(encoded, TODAY) < 17) {
                expected.add("UNDERAGE");
            }
        }
        if (!IdentityOracle.nikHasSerial(digits)) {
            expected.add("NIK_SERIAL_INVALID");
        }
        if (alreadyRegistered) {
            expected.add("IDENTITY_ALREADY_REGISTERED");
        }

        IdentityVerdict verdict = rules.assess(new Ktp(digits, "Budi", born, gender, citizenship), ADDRESS,
                new Facts(alreadyRegistered, false, registryConfirmed), TODAY);

        Statistics.collect(verdict.status());
        assertThat(verdict.reasons()).containsExactlyInAnyOrderElementsOf(expected);
        boolean onlyWarnings = expected.stream().allMatch("NIK_REGION_UNVERIFIED"::equals);
        assertThat(verdict.status()).isEqualTo(!onlyWarnings ? Status.REJECTED
                : registryConfirmed && expected.isEmpty() ? Status.VERIFIED : Status.PENDING_REVIEW);
    }

    @Property(tries = 1000)
    void npwpsAreJudgedAsTheOracleJudgesThem(@ForAll("npwps") String digits) {
        Statistics.collect(IdentityOracle.npwpTaxOfficeForm(digits) ? "tax office form" : "not");
        assertThat(new Npwp(digits).hasTaxOfficeForm()).isEqualTo(IdentityOracle.npwpTaxOfficeForm(digits));
        assertThat(Luhn.isValid(digits)).isEqualTo(IdentityOracle.luhn(digits));
    }

    @Property(tries = 1000)
    void mrzZonesAreReadAsTheOracleReadsThem(@ForAll("mrzs") List<String> lines) {
        String[] expected = IdentityOracle.mrzFields(lines);
        Optional<Mrz> read = Mrz.read(lines);
        Statistics.collect(read.isPresent() ? "read" : "refused");
        if (expected == null) {
            assertThat(read).isEmpty();
        }
        else {
            assertThat(read)
                .contains(new Mrz(expected[0], expected[1], expected[2], expected[3].charAt(0), expected[4]));
        }
    }

    @Property(tries = 500)
    void passportVerdictsAgreeWithTheOracle(@ForAll("mrzs") List<String> lines, @ForAll boolean giveMrz,
            @ForAll("nationalities") String nationality, @ForAll("dates") LocalDate born,
            @ForAll("dates") LocalDate expiry, @ForAll Gender gender, @ForAll boolean declareWhatTheMrzSays) {
        String[] zone = IdentityOracle.mrzFields(lines);
        String number = "X1234567";
        if (declareWhatTheMrzSays && zone != null && zone[0].matches("[A-Z0-9]{6,9}")) {
            number = zone[0];
            nationality = zone[1];
            gender = zone[3].equals("F") ? Gender.FEMALE : Gender.MALE;
            born = Optional.ofNullable(date(1900, zone[2])).orElse(born);
            expiry = Optional.ofNullable(date(2000, zone[4])).orElse(expiry);
        }
        List<String> expected = new ArrayList<>();
        if (!"IDN".equals(nationality)) {
            expected.add("FOREIGN_NATIONALITY");
        }
        if (expiry == null || !expiry.isAfter(TODAY)) {
            expected.add("PASSPORT_EXPIRED");
        }
        if (giveMrz) {
            if (zone == null) {
                expected.add("MRZ_INVALID");
            }
            else if (!(zone[0].equals(number) && zone[1].equals(nationality) && zone[2].equals(yymmdd(born))
                    && zone[3].equals(gender == Gender.FEMALE ? "F" : "M") && zone[4].equals(yymmdd(expiry)))) {
                expected.add("MRZ_MISMATCH");
            }
        }
        if (born == null || born.isAfter(TODAY) || IdentityOracle.age(born, TODAY) < 17) {
            expected.add("UNDERAGE");
        }

        IdentityVerdict verdict = rules.assess(
                new Passport(number, "Budi", nationality, born, gender, expiry, giveMrz ? lines : List.of()), ADDRESS,
                new Facts(false, false, false), TODAY);

        Statistics.collect(
                expected.isEmpty() ? "passes" : expected.contains("MRZ_MISMATCH") ? "MRZ_MISMATCH" : "other refusal");
        assertThat(verdict.reasons()).containsExactlyInAnyOrderElementsOf(expected);
    }

    // ---- generators

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars("0123456789 .-").ofMaxLength(20),
                Arbitraries.strings().numeric().ofLength(16),
                Arbitraries.strings().withChars(MRZ_CHARACTERS).ofLength(44),
                // Digits that are not ASCII: Arabic-Indic, fullwidth, Devanagari.
                Arbitraries.strings().withChars("0123456789\u0660\u0661\u0662\uFF10\uFF11\u0966").ofLength(16));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-40_000, 30_000).map(TODAY::plusDays),
                Arbitraries.integers().between(-3, 3).map(days -> TODAY.minusYears(17).plusDays(days)),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Citizenship> mostlyWni() {
        return Arbitraries.frequency(Tuple.of(4, Citizenship.WNI), Tuple.of(1, Citizenship.WNA));
    }

    @Provide
    Arbitrary<Boolean> rarely() {
        return Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true));
    }

    @Provide
    Arbitrary<String> nationalities() {
        return Arbitraries.of("IDN", "IDN", "IDN", "IDN", "MYS", "idn", "");
    }

    /**
     * 16 digits: a known or unknown region, day 00-99 (women's +40 included), month
     * 00-19, any year, serial sometimes 0000.
     */
    @Provide
    Arbitrary<String> niks() {
        Arbitrary<String> region = Arbitraries.frequencyOf(
                Tuple.of(4,
                        Arbitraries.of(new ArrayList<>(IdentityOracle.KNOWN_REGIONS))
                            .filter(code -> code.length() == 8)
                            .map(code -> code.replace(".", ""))),
                Tuple.of(1, Arbitraries.strings().numeric().ofLength(6)));
        Arbitrary<String> day = Arbitraries
            .oneOf(Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 28),
                    Arbitraries.integers().between(41, 68))
            .map(d -> String.format("%02d", d));
        Arbitrary<String> month = Arbitraries
            .oneOf(Arbitraries.integers().between(0, 19), Arbitraries.integers().between(1, 12))
            .map(m -> String.format("%02d", m));
        Arbitrary<String> year = Arbitraries.strings().numeric().ofLength(2);
        Arbitrary<String> serial = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("0000")),
                Tuple.of(5, Arbitraries.strings().numeric().ofLength(4)));
        return Combinators.combine(region, day, month, year, serial).as((r, d, m, y, s) -> r + d + m + y + s);
    }

    /**
     * Valid 15- and 16-digit NPWPs, the same with one digit changed, and NIK-form ones.
     */
    @Provide
    Arbitrary<String> npwps() {
        Arbitrary<String> valid = Combinators
            .combine(Arbitraries.strings().numeric().ofLength(8), Arbitraries.strings().numeric().ofLength(6))
            .as((head, tail) -> head + IdentityOracle.luhnDigitFor(head) + tail);
        Arbitrary<String> forms = Combinators.combine(valid, Arbitraries.of(0, 1))
            .as((npwp, zero) -> zero == 1 ? "0" + npwp : npwp);
        Arbitrary<String> mistyped = Combinators
            .combine(forms, Arbitraries.integers().between(0, 14), Arbitraries.chars().numeric())
            .as((npwp, at, digit) -> npwp.substring(0, at) + digit + npwp.substring(at + 1));
        return Arbitraries.oneOf(forms, mistyped, niks(),
                Arbitraries.strings().numeric().ofMinLength(14).ofMaxLength(17));
    }

    /**
     * TD3 zones built right from random fields, then sometimes damaged in one character,
     * one line or their count.
     */
    @Provide
    Arbitrary<List<String>> mrzs() {
        Arbitrary<String> number = Arbitraries.strings()
            .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            .ofMinLength(5)
            .ofMaxLength(9);
        Arbitrary<String> date = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> optional = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars(MRZ_CHARACTERS).ofMaxLength(14));
        Arbitrary<List<String>> valid = Combinators
            .combine(number, Arbitraries.of("IDN", "IDN", "IDN", "MYS"), date, Arbitraries.of('M', 'F', '<'), date,
                    optional, Arbitraries.of(true, false))
            .as((n, nat, born, sex, expiry, opt, fillerCheck) -> List.of(fill("P<IDNSANTOSO<<BUDI", 44),
                    dataLine(n, nat, born, sex, expiry, opt, fillerCheck)));
        Arbitrary<List<String>> damaged = Combinators
            .combine(valid, Arbitraries.integers().between(0, 87),
                    Arbitraries.chars().with((MRZ_CHARACTERS + "a -").toCharArray()))
            .as((lines, at, c) -> {
                int line = at / 44;
                String text = lines.get(line);
                String changed = text.substring(0, at % 44) + c + text.substring(at % 44 + 1);
                return line == 0 ? List.of(changed, lines.get(1)) : List.of(lines.get(0), changed);
            });
        Arbitrary<List<String>> reshaped = valid.map(lines -> List.of(lines.get(1)));
        return Arbitraries.frequencyOf(Tuple.of(4, valid), Tuple.of(4, damaged), Tuple.of(1, reshaped),
                Tuple.of(1, valid.map(lines -> List.of(lines.get(0).substring(1) + "<", lines.get(1)))));
    }

    private static String dataLine(String number, String nationality, String born, char sex, String expiry,
            String optional, boolean fillerCheckForEmptyOptional) {
        String n = fill(number, 9);
        String o = fill(optional, 14);
        String optionalCheck = o.equals("<".repeat(14)) && fillerCheckForEmptyOptional ? "<"
                : "" + IdentityOracle.mrzCheck(o);
        String upToComposite = n + IdentityOracle.mrzCheck(n) + nationality + born + IdentityOracle.mrzCheck(born) + sex
                + expiry + IdentityOracle.mrzCheck(expiry) + o + optionalCheck;
        String composite = upToComposite.substring(0, 10) + upToComposite.substring(13, 20)
                + upToComposite.substring(21, 43);
        return upToComposite + IdentityOracle.mrzCheck(composite);
    }

    private static String fill(String text, int length) {
        return (text + "<".repeat(length)).substring(0, length);
    }

    private static LocalDate date(int century, String yymmdd) {
        try {
            return LocalDate.of(century + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
        }
        catch (RuntimeException notADate) {
            return null;
        }
    }

    private static String yymmdd(LocalDate date) {
        return date == null ? ""
                : String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

    private static boolean nikFormSound(String nik) {
        return IdentityOracle.nikProvinceKnown(nik) && IdentityOracle.nikBirth(nik, TODAY, new boolean[1]) != null
                && IdentityOracle.nikHasSerial(nik);
    }

}
