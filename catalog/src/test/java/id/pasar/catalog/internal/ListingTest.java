package id.pasar.catalog.internal;

import static id.pasar.catalog.internal.ListingFixtures.CREATED;
import static id.pasar.catalog.internal.ListingFixtures.FAIL;
import static id.pasar.catalog.internal.ListingFixtures.FIRST_PASS;
import static id.pasar.catalog.internal.ListingFixtures.LATER;
import static id.pasar.catalog.internal.ListingFixtures.PUBLISHED;
import static id.pasar.catalog.internal.ListingFixtures.SELLER;
import static id.pasar.catalog.internal.ListingFixtures.batik;
import static id.pasar.catalog.internal.ListingFixtures.draftListing;
import static id.pasar.catalog.internal.ListingFixtures.publishedListing;
import static id.pasar.catalog.internal.ListingFixtures.rendang;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.catalog.internal.Listing.Status;
import id.pasar.compliance.ListingRules.HalalStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The listing's life without Spring or a database. The aggregate refuses one thing
 * itself, a PASS for a version other than its own; which verb may follow which is the
 * publishing workflow's and the shelf's choice, so the table below records where each
 * verb leaves a listing in each status.
 */
class ListingTest {

    static final UUID NEW_PASS = UUID.fromString("00000000-0000-0000-0000-00000000d003");

    /** Every verb in every status: the status it leaves and the content version. */
    static final String TRANSITIONS = """
            # from    | verb        | to        | version
            DRAFT     | EDIT        | DRAFT     | 2
            DRAFT     | RESTOCK     | DRAFT     | 1
            DRAFT     | PUBLISH     | PUBLISHED | 1
            DRAFT     | REFUSED     | DRAFT     | 1
            DRAFT     | RENEW_PASS  | DRAFT     | 1
            DRAFT     | SUSPEND     | SUSPENDED | 1
            DRAFT     | UNPUBLISH   | DRAFT     | 1
            PUBLISHED | EDIT        | DRAFT     | 2
            PUBLISHED | RESTOCK     | PUBLISHED | 1
            PUBLISHED | PUBLISH     | PUBLISHED | 1
            PUBLISHED | REFUSED     | PUBLISHED | 1
            PUBLISHED | RENEW_PASS  | PUBLISHED | 1
            PUBLISHED | SUSPEND     | SUSPENDED | 1
            PUBLISHED | UNPUBLISH   | DRAFT     | 1
            SUSPENDED | EDIT        | DRAFT     | 2
            SUSPENDED | RESTOCK     | SUSPENDED | 1
            SUSPENDED | PUBLISH     | PUBLISHED | 1
            SUSPENDED | REFUSED     | SUSPENDED | 1
            SUSPENDED | RENEW_PASS  | SUSPENDED | 1
            SUSPENDED | SUSPEND     | SUSPENDED | 1
            SUSPENDED | UNPUBLISH   | DRAFT     | 1
            """;

    /**
     * What can happen to a listing; PUBLISH comes with a PASS for its current version.
     */
    enum Verb {

        EDIT, RESTOCK, PUBLISH, REFUSED, RENEW_PASS, SUSPEND, UNPUBLISH

    }

    // ---- creating

    @Test
    void aNewListingIsADraftAtVersionOneWithNoDecision() {
        Listing listing = draftListing();

        assertThat(listing.getSellerId()).isEqualTo(SELLER);
        assertThat(listing.getStatus()).isEqualTo(Status.DRAFT);
        assertThat(listing.getVersion()).isEqualTo(1);
        assertThat(listing.getDecisionId()).isNull();
        assertThat(listing.getRuleSetVersion()).isNull();
        assertThat(listing.getReasons()).isEmpty();
        assertThat(listing.getCreatedAt()).isEqualTo(CREATED);
        assertThat(listing.getUpdatedAt()).isEqualTo(CREATED);
        assertThat(listing.getPublishedAt()).isNull();
        assertThat(listing)
            .extracting(Listing::getTitle, Listing::getCategoryCode, Listing::getPriceIdr, Listing::getStock,
                    Listing::getShipFromRegencyCode, Listing::getWeightGrams)
            .containsExactly("Batik Tulis Parang", "batik-kain", 350_000L, 12, "34.71", 400);
    }

    // ---- every verb in every status

    @ParameterizedTest(name = "{0} + {1} -> {2}, version {3}")
    @CsvSource(delimiter = '|', textBlock = TRANSITIONS)
    void eachVerbLeavesTheListingInItsStatus(Status from, Verb verb, Status to, int version) {
        Listing listing = ListingFixtures.inStatus(from);

        act(listing, verb, LATER);

        assertThat(listing.getStatus()).isEqualTo(to);
        assertThat(listing.getVersion()).isEqualTo(version);
    }

    @Test
    void theTableAnswersEveryVerbInEveryStatusExactlyOnce() {
        List<String> answered = TRANSITIONS.lines()
            .filter(row -> !row.isBlank() && !row.strip().startsWith("#"))
            .map(row -> row.split("\\|"))
            .map(cells -> cells[0].strip() + " " + cells[1].strip())
            .toList();
        List<String> every = new ArrayList<>();
        Arrays.stream(Status.values())
            .forEach(status -> Arrays.stream(Verb.values()).forEach(verb -> every.add(status + " " + verb)));

        assertThat(answered).containsExactlyInAnyOrderElementsOf(every);
    }

    @ParameterizedTest(name = "while {0}, a PASS for version {1}")
    @CsvSource({ "DRAFT, 0", "DRAFT, 2", "PUBLISHED, 0", "PUBLISHED, 2", "SUSPENDED, 0", "SUSPENDED, 2" })
    void aPassForAnotherVersionIsRefusedAndChangesNothing(Status status, int passedVersion) {
        Listing listing = ListingFixtures.inStatus(status);
        Snapshot before = Snapshot.of(listing);

        assertThatThrownBy(() -> listing.publish(passedVersion, NEW_PASS, "v2", "Toko Batik Sekar", LATER))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("the PASS is for version " + passedVersion + ", the listing is at 1");
        assertThat(Snapshot.of(listing)).isEqualTo(before);
    }

    @Test
    void aPassForTheVersionBeforeAnEditCannotPublishTheEdit() {
        Listing listing = publishedListing();
        listing.edit(rendang(), LATER);

        assertThatThrownBy(() -> listing.publish(1, FIRST_PASS, "v1", "Toko Batik Sekar", LATER))
            .isInstanceOf(IllegalStateException.class);
        assertThat(listing.getStatus()).isEqualTo(Status.DRAFT);
    }

    // ---- what each verb records

    @ParameterizedTest(name = "edited while {0}")
    @EnumSource(Status.class)
    void anEditIsANewVersionThatMustPassAgain(Status from) {
        Listing listing = ListingFixtures.inStatus(from);

        listing.edit(rendang(), LATER);

        assertThat(listing.getVersion()).isEqualTo(2);
        assertThat(listing.getStatus()).isEqualTo(Status.DRAFT);
        assertThat(listing.getDecisionId()).isNull();
        assertThat(listing.getReasons()).isEmpty();
        assertThat(listing.getUpdatedAt()).isEqualTo(LATER);
        assertThat(listing.getCreatedAt()).isEqualTo(CREATED);
        assertThat(listing)
            .extracting(Listing::getTitle, Listing::getDescription, Listing::getCategoryCode, Listing::getPriceIdr,
                    Listing::getStock, Listing::getShipFromRegencyCode, Listing::getWeightGrams,
                    Listing::getRegulatoryLicence, Listing::getHalalStatus, Listing::getHalalCertificateNumber)
            .containsExactly("Rendang Daging Sapi", "Rendang kemasan 250 g", "makanan-beku", 85_000L, 40, "13.71", 300,
                    "MD 224510001234", HalalStatus.CERTIFIED, "ID31110001234567");
    }

    @ParameterizedTest(name = "a variant's price or stock changed while {0}")
    @EnumSource(Status.class)
    void aVariantsPriceOrStockIsNotMaterialAndKeepsVersionStatusAndDecision(Status from) {
        Listing listing = ListingFixtures.inStatus(from);
        UUID decision = listing.getDecisionId();

        listing.touched(LATER);

        assertThat(listing.getVersion()).isEqualTo(1);
        assertThat(listing.getStatus()).isEqualTo(from);
        assertThat(listing.getDecisionId()).isEqualTo(decision);
        assertThat(listing.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void publishingPutsTheListingOnTheShelfWithItsPassRuleSetAndShop() {
        Listing listing = draftListing();
        listing.refused(FAIL, List.of("LICENCE_REQUIRED"), CREATED.plusSeconds(1));

        listing.publish(1, FIRST_PASS, "v1", "Toko Batik Sekar", PUBLISHED);

        assertThat(listing.getStatus()).isEqualTo(Status.PUBLISHED);
        assertThat(listing.getDecisionId()).isEqualTo(FIRST_PASS);
        assertThat(listing.getRuleSetVersion()).isEqualTo("v1");
        assertThat(listing.getShopName()).isEqualTo("Toko Batik Sekar");
        assertThat(listing.getReasons()).as("an earlier refusal's reasons").isEmpty();
        assertThat(listing.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(listing.getUpdatedAt()).isEqualTo(PUBLISHED);
    }

    @Test
    void aRefusedDraftRecordsTheRefusalAndItsReasons() {
        Listing listing = draftListing();

        listing.refused(FAIL, List.of("LICENCE_REQUIRED", "REGENCY_UNKNOWN"), LATER);

        assertThat(listing.getStatus()).isEqualTo(Status.DRAFT);
        assertThat(listing.getDecisionId()).isEqualTo(FAIL);
        assertThat(listing.getReasons()).containsExactly("LICENCE_REQUIRED", "REGENCY_UNKNOWN");
        assertThat(listing.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void aRefusalOfAPublishedListingKeepsItsPassAndRecordsTheReasons() {
        Listing listing = publishedListing();

        listing.refused(FAIL, List.of("HALAL_CERTIFICATE_REQUIRED"), LATER);

        assertThat(listing.getStatus()).isEqualTo(Status.PUBLISHED);
        assertThat(listing.getDecisionId()).as("the PASS it is published with").isEqualTo(FIRST_PASS);
        assertThat(listing.getReasons()).containsExactly("HALAL_CERTIFICATE_REQUIRED");
    }

    @Test
    void aRenewedPassKeepsTheListingOnTheShelfUnderTheNewRuleSet() {
        Listing listing = publishedListing();

        listing.renewPass(NEW_PASS, "v2", LATER);

        assertThat(listing.getStatus()).isEqualTo(Status.PUBLISHED);
        assertThat(listing.getDecisionId()).isEqualTo(NEW_PASS);
        assertThat(listing.getRuleSetVersion()).isEqualTo("v2");
        assertThat(listing.getVersion()).isEqualTo(1);
        assertThat(listing.getPublishedAt()).as("on the shelf since").isEqualTo(PUBLISHED);
        assertThat(listing.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void suspendingTakesTheListingOffTheShelfWithTheFailingDecision() {
        Listing listing = publishedListing();

        listing.suspend(FAIL, List.of("HALAL_CERTIFICATE_REQUIRED"), LATER);

        assertThat(listing.getStatus()).isEqualTo(Status.SUSPENDED);
        assertThat(listing.getDecisionId()).isEqualTo(FAIL);
        assertThat(listing.getReasons()).containsExactly("HALAL_CERTIFICATE_REQUIRED");
        assertThat(listing.getVersion()).isEqualTo(1);
        assertThat(listing.getUpdatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest(name = "unpublished while {0}")
    @EnumSource(value = Status.class, names = { "PUBLISHED", "SUSPENDED" })
    void unpublishingMakesADraftWithoutItsDecision(Status from) {
        Listing listing = ListingFixtures.inStatus(from);

        listing.unpublish(LATER);

        assertThat(listing.getStatus()).isEqualTo(Status.DRAFT);
        assertThat(listing.getDecisionId()).isNull();
        assertThat(listing.getVersion()).isEqualTo(1);
        assertThat(listing.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void unpublishingADraftChangesNothing() {
        Listing listing = draftListing();
        listing.refused(FAIL, List.of("LICENCE_REQUIRED"), CREATED.plusSeconds(1));
        Snapshot before = Snapshot.of(listing);

        listing.unpublish(LATER);

        assertThat(Snapshot.of(listing)).isEqualTo(before);
    }

    @Test
    void theReasonsAreTheListingsOwnCopy() {
        List<String> reasons = new ArrayList<>(List.of("LICENCE_REQUIRED"));
        Listing listing = draftListing();

        listing.refused(FAIL, reasons, LATER);
        reasons.add("REGENCY_UNKNOWN");

        assertThat(listing.getReasons()).containsExactly("LICENCE_REQUIRED");
        assertThatThrownBy(() -> listing.getReasons().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ----

    /**
     * Applies the verb as the services do, the PASS being for the listing's current
     * version.
     */
    static void act(Listing listing, Verb verb, Instant at) {
        switch (verb) {
            case EDIT -> listing.edit(batik(), at);
            case RESTOCK -> listing.touched(at);
            case PUBLISH -> listing.publish(listing.getVersion(), NEW_PASS, "v2", "Toko Batik Sekar", at);
            case REFUSED -> listing.refused(FAIL, List.of("LICENCE_REQUIRED"), at);
            case RENEW_PASS -> listing.renewPass(NEW_PASS, "v2", at);
            case SUSPEND -> listing.suspend(FAIL, List.of("HALAL_CERTIFICATE_REQUIRED"), at);
            case UNPUBLISH -> listing.unpublish(at);
        }
    }

    /** Everything a verb could change. */
    record Snapshot(Status status, int version, int stock, UUID decisionId, String ruleSetVersion, List<String> reasons,
            String shopName, Instant publishedAt, Instant updatedAt) {

        static Snapshot of(Listing listing) {
            return new Snapshot(listing.getStatus(), listing.getVersion(), listing.getStock(), listing.getDecisionId(),
                    listing.getRuleSetVersion(), listing.getReasons(), listing.getShopName(), listing.getPublishedAt(),
                    listing.getUpdatedAt());
        }
    }

}
