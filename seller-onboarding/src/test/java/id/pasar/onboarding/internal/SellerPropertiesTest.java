package id.pasar.onboarding.internal;

import static id.pasar.onboarding.internal.SellerFixtures.CREATED;
import static id.pasar.onboarding.internal.SellerFixtures.newSeller;
import static id.pasar.onboarding.internal.SellerFixtures.protectedIdentity;
import static id.pasar.onboarding.internal.SellerFixtures.screened;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.UmkmClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.springframework.web.ErrorResponseException;

/**
 * Property-based tests (jqwik): the UMKM class grows with the declared sales, and
 * whatever screening, officers and jobs do to a seller, in whichever order, it moves only
 * along its life cycle, a refused verb changes nothing and a revocation is final.
 */
class SellerPropertiesTest {

    static final long BILLION = 1_000_000_000L;

    /**
     * Each move a seller may make (null: no application yet); any other change of status
     * is a bug.
     */
    static final Set<List<SellerStatus>> MOVES = Set.of(Arrays.asList(null, SellerStatus.PENDING_REVIEW),
            Arrays.asList(null, SellerStatus.VERIFIED), Arrays.asList(null, SellerStatus.REJECTED),
            List.of(SellerStatus.PENDING_REVIEW, SellerStatus.VERIFIED),
            List.of(SellerStatus.PENDING_REVIEW, SellerStatus.REJECTED),
            List.of(SellerStatus.VERIFIED, SellerStatus.REVOKED),
            List.of(SellerStatus.REJECTED, SellerStatus.PENDING_REVIEW),
            List.of(SellerStatus.REJECTED, SellerStatus.VERIFIED),
            List.of(SellerStatus.REJECTED, SellerStatus.REJECTED));

    /** One step: a verb, and for an application the status its screening gives. */
    record Step(SellerTest.Verb verb, SellerStatus screenedAs) {
    }

    @Property(tries = 300)
    void moreSalesNeverMakeASmallerBusiness(@ForAll @LongRange(min = 0, max = 100 * BILLION) long less,
            @ForAll @LongRange(min = 0, max = 100 * BILLION) long more) {
        if (less > more) {
            long swap = less;
            less = more;
            more = swap;
        }
        assertThat(classOf(less)).isLessThanOrEqualTo(classOf(more));
    }

    @Property(tries = 500)
    void anySequenceOfVerbsFollowsTheLifeCycle(@ForAll("steps") List<Step> steps) {
        Seller seller = newSeller();
        Instant at = CREATED;
        for (Step step : steps) {
            at = at.plus(Duration.ofHours(1));
            SellerTest.Snapshot before = SellerTest.Snapshot.of(seller);
            try {
                if (step.verb() == SellerTest.Verb.APPLY) {
                    seller.apply(SellerFixtures.ktpApplication(), protectedIdentity("any"), screened(step.screenedAs()),
                            at);
                }
                else {
                    SellerTest.act(seller, step.verb(), at);
                }
            }
            catch (ErrorResponseException refused) {
                assertThat(SellerTest.Snapshot.of(seller)).as("%s refused", step.verb()).isEqualTo(before);
                continue;
            }
            assertThat(MOVES).as("%s: %s -> %s", step.verb(), before.status(), seller.getStatus())
                .contains(Arrays.asList(before.status(), seller.getStatus()));
            assertThat(before.status()).as("a revocation is final").isNotEqualTo(SellerStatus.REVOKED);
            assertThat(seller.getUpdatedAt()).isEqualTo(at);
            assertThat(seller.isPending()).isEqualTo(seller.getStatus() == SellerStatus.PENDING_REVIEW);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators
            .combine(Arbitraries.of(SellerTest.Verb.class),
                    Arbitraries.of(SellerStatus.PENDING_REVIEW, SellerStatus.VERIFIED, SellerStatus.REJECTED))
            .as(Step::new)
            .list()
            .ofMaxSize(12);
    }

    private static UmkmClass classOf(long rupiah) {
        Seller seller = newSeller();
        seller.apply(SellerFixtures.withAnnualSales(rupiah), protectedIdentity("any"),
                screened(SellerStatus.PENDING_REVIEW), CREATED);
        return seller.getUmkmClass();
    }

}
