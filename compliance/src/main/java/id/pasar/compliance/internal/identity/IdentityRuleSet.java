package id.pasar.compliance.internal.identity;

import id.pasar.compliance.IdentityRules;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.Regions;
import id.pasar.compliance.SellerIdentity;
import id.pasar.compliance.SellerIdentity.Citizenship;
import id.pasar.compliance.SellerIdentity.EntityType;
import id.pasar.compliance.SellerIdentity.Ktp;
import id.pasar.compliance.SellerIdentity.LocalEntity;
import id.pasar.compliance.SellerIdentity.Passport;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Rule set v1 of compliance-rules.md. Each check runs whatever the ones before it found.
 */
@Component
@RequiredArgsConstructor
class IdentityRuleSet implements IdentityRules {

    private static final int ADULT_AGE = 17;

    private static final String INDONESIA_ICAO = "IDN";

    private static final String INDONESIA_ISO = "ID";

    // Only a sole proprietor's business may be taxed under the owner's NIK; the others
    // have their own NPWP.
    private static final Set<EntityType> TAXED_AS_THEIR_OWNER = EnumSet.of(EntityType.PT_PERORANGAN, EntityType.UD);

    private final Regions regions;

    @Override
    public IdentityVerdict assess(SellerIdentity identity, RegencyCode registeredAddress, Facts facts,
            LocalDate today) {
        Findings findings = new Findings();
        if (identity instanceof Ktp ktp) {
            checkKtp(ktp, findings, today);
        }
        else if (identity instanceof Passport passport) {
            checkPassport(passport, findings, today);
        }
        else if (identity instanceof LocalEntity entity) {
            checkEntity(entity, findings, today);
        }
        else {
            throw new IllegalArgumentException("no rules for " + identity.documentType());
        }
        // Every seller's address, not only a business's: a regency that does not exist
        // (99.99) is no Indonesian address, and the reports could not name its province.
        findings.failIf(registeredAddress == null || !regions.isCurrentRegency(registeredAddress),
                Reason.ADDRESS_NOT_DOMESTIC);
        findings.failIf(facts.alreadyRegistered(), Reason.IDENTITY_ALREADY_REGISTERED);
        if (identity instanceof LocalEntity) {
            findings.failIf(facts.platformAffiliate(), Reason.PLATFORM_AFFILIATE);
        }
        return findings.verdict(facts.registryConfirmed());
    }

    private void checkKtp(Ktp ktp, Findings findings, LocalDate today) {
        // A foreign resident with a KITAP has a NIK too, so the number alone does not
        // prove citizenship.
        findings.failIf(ktp.citizenship() != Citizenship.WNI, Reason.FOREIGN_NATIONALITY);
        Nik nik = new Nik(ktp.nik());
        if (regions.isKnownProvince(nik.provinceCode())) {
            findings.failIf(!regions.isKnownRegency(nik.regencyCode()) || !regions.isKnownDistrict(nik.districtCode()),
                    Reason.NIK_REGION_UNVERIFIED);
        }
        else {
            findings.fail(Reason.NIK_REGION_UNKNOWN);
        }
        Optional<Nik.Birth> birth = nik.birth(today);
        if (birth.isPresent()) {
            findings.failIf(!birth.get().equals(new Nik.Birth(ktp.dateOfBirth(), ktp.gender())), Reason.NIK_MISMATCH);
            findings.failIf(!isAdult(birth.get().date(), today), Reason.UNDERAGE);
        }
        else {
            findings.fail(Reason.NIK_BIRTHDATE_INVALID);
        }
        findings.failIf(!nik.hasSerial(), Reason.NIK_SERIAL_INVALID);
    }

    private void checkPassport(Passport passport, Findings findings, LocalDate today) {
        findings.failIf(!INDONESIA_ICAO.equals(passport.nationality()), Reason.FOREIGN_NATIONALITY);
        // A passport expiring today is no longer valid by the time the review happens.
        findings.failIf(passport.expiryDate() == null || !passport.expiryDate().isAfter(today),
                Reason.PASSPORT_EXPIRED);
        if (!passport.mrz().isEmpty()) {
            Optional<Mrz> mrz = Mrz.read(passport.mrz());
            if (mrz.isPresent()) {
                findings.failIf(!mrz.get().agreesWith(passport), Reason.MRZ_MISMATCH);
            }
            else {
                findings.fail(Reason.MRZ_INVALID);
            }
        }
        findings.failIf(!isAdult(passport.dateOfBirth(), today), Reason.UNDERAGE);
    }

    private void checkEntity(LocalEntity entity, Findings findings, LocalDate today) {
        findings.failIf(!INDONESIA_ISO.equals(entity.countryOfIncorporation()), Reason.FOREIGN_ENTITY);
        findings.failIf(!isValidNpwp(new Npwp(entity.npwp()), entity.entityType(), today), Reason.NPWP_INVALID);
    }

    private boolean isValidNpwp(Npwp npwp, EntityType entityType, LocalDate today) {
        if (npwp.hasTaxOfficeForm()) {
            return true;
        }
        // Only the NIK's own form can be checked: province, birth date and serial, not
        // the district or the person.
        return TAXED_AS_THEIR_OWNER.contains(entityType) && npwp.asNik()
            .filter(nik -> regions.isKnownProvince(nik.provinceCode()) && nik.birth(today).isPresent()
                    && nik.hasSerial())
            .isPresent();
    }

    // Period counts whole years, so a 29 February birthday comes of age on 1 March in a
    // common year.
    private static boolean isAdult(LocalDate dateOfBirth, LocalDate today) {
        return dateOfBirth != null && !dateOfBirth.isAfter(today)
                && Period.between(dateOfBirth, today).getYears() >= ADULT_AGE;
    }

}
