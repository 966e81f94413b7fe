package id.pasar.gateway.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No group of fewer than 5 sellers can be read off the exposure report, not even by
 * subtraction.
 */
class SuppressionTest {

    @Test
    void groupsOfFewerThanFiveSellersAreHidden() {
        assertThat(ExposureReports.suppressed(groups("MICRO", 40, "SMALL", 9, "MEDIUM", 3, "LARGE", 2)))
            .containsExactlyInAnyOrder("MEDIUM", "LARGE");
    }

    @Test
    void aLoneSmallGroupTakesTheNextSmallestWithIt() {
        // Hiding only LARGE (2) would leave its share as 1 minus the rest: SMALL (6) is
        // hidden too.
        assertThat(ExposureReports.suppressed(groups("MICRO", 40, "SMALL", 6, "MEDIUM", 9, "LARGE", 2)))
            .containsExactlyInAnyOrder("LARGE", "SMALL");
    }

    @Test
    void emptyGroupsRevealNothingAndBigGroupsStayShown() {
        assertThat(ExposureReports.suppressed(groups("MICRO", 40, "SMALL", 5, "MEDIUM", 0, "LARGE", 0)))
            .containsExactlyInAnyOrder("MEDIUM", "LARGE");
        assertThat(ExposureReports.suppressed(groups("MICRO", 40, "SMALL", 5, "MEDIUM", 5, "LARGE", 5))).isEmpty();
    }

    @Test
    void whenEverythingIsSmallEverythingIsHidden() {
        assertThat(ExposureReports.suppressed(groups("31", 1, "32", 2, "33", 1))).containsExactlyInAnyOrder("31", "32",
                "33");
    }

    private static Map<String, Integer> groups(Object... pairs) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            groups.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return groups;
    }

}
