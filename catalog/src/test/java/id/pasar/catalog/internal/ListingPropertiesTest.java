package id.pasar.catalog.internal;

import static id.pasar.catalog.internal.ListingFixtures.CREATED;
import static id.pasar.catalog.internal.ListingFixtures.SELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.catalog.internal.Listing.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based tests (jqwik): whatever a seller, compliance and the shelf do to a
 * listing, and in whichever order, it is PUBLISHED only with a PASS for its current
 * version and shows that PASS, only an edit makes a new version, and its stock is the
 * last one the seller gave (0 to 1,000,000, as the web layer admits).
 */
class ListingPropertiesTest {

    /**
     * One step: a verb, a stock for edits and restocks, and for a publication which
     * version the PASS is for, relative to the listing's own (-1, 0 or +1).
     */
    record Step(ListingTest.Verb verb, int stock, int passedVersionOffset) {
    }

    @Property(tries = 500)
    void aPublishedListingAlwaysHasAPassForItsCurrentVersion(@ForAll("steps") List<Step> steps) {
        Listing listing = new Listing(SELLER, content(5), CREATED);
        int edits = 0;
        int stock = 5;
        // the version of the PASS it was last published with
        Integer passedVersion = null;
        UUID lastPass = null; // the PASS of its last publication or renewal
        Instant at = CREATED;
        for (Step step : steps) {
            at = at.plus(Duration.ofMinutes(1));
            ListingTest.Snapshot before = ListingTest.Snapshot.of(listing);
            switch (step.verb()) {
                case EDIT -> {
                    listing.edit(content(step.stock()), at);
                    edits++;
                    stock = step.stock();
                }
                case RESTOCK -> listing.touched(at);
                case PUBLISH -> {
                    int version = listing.getVersion() + step.passedVersionOffset();
                    UUID pass = UUID.randomUUID();
                    if (step.passedVersionOffset() == 0) {
                        listing.publish(version, pass, "v1", "Toko", at);
                        passedVersion = version;
                        lastPass = pass;
                    }
                    else {
                        Instant now = at;
                        assertThatThrownBy(() -> listing.publish(version, pass, "v1", "Toko", now))
                            .isInstanceOf(IllegalStateException.class);
                        assertThat(ListingTest.Snapshot.of(listing)).isEqualTo(before);
                    }
                }
                case RENEW_PASS -> {
                    lastPass = UUID.randomUUID();
                    listing.renewPass(lastPass, "v2", at);
                }
                default -> ListingTest.act(listing, step.verb(), at);
            }

            assertThat(listing.getVersion()).as("only edits make versions").isEqualTo(1 + edits);
            assertThat(listing.getStock()).as("the last stock an edit gave (a variant's change is the database's)")
                .isEqualTo(stock);
            if (listing.getStatus() == Status.PUBLISHED) {
                assertThat(passedVersion).as("published with a PASS for its current version")
                    .isEqualTo(listing.getVersion());
                assertThat(listing.getDecisionId()).as("its PASS, whatever was refused since").isEqualTo(lastPass);
            }
            if (listing.getStatus() == Status.DRAFT && step.verb() == ListingTest.Verb.EDIT) {
                assertThat(listing.getDecisionId()).as("an edit forgets the old version's decision").isNull();
            }
            assertThat(listing.getUpdatedAt()).as("never goes back").isAfterOrEqualTo(before.updatedAt());
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators
            .combine(Arbitraries.of(ListingTest.Verb.class), Arbitraries.integers().between(0, 1_000_000),
                    Arbitraries.of(-1, 0, 0, 1))
            .as(Step::new);
        return step.list().ofMaxSize(15);
    }

    private static ListingContent content(int stock) {
        ListingContent batik = ListingFixtures.batik();
        return new ListingContent(batik.title(), batik.description(), batik.categoryCode(), batik.priceIdr(), stock,
                batik.shipFromRegencyCode(), batik.weightGrams(), null, null, null);
    }

}
