package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShipToMaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "Siti Rahayu, S*** R***", "Budi, B***", "'  I Gusti  Ayu ', I*** G*** A***", "' ', ***" })
    void aNameKeepsOnlyItsInitials(String name, String masked) {
        assertThat(Destinations.ShipTo.initials(name)).isEqualTo(masked);
    }

    @Test
    void aMaskedDestinationKeepsTheRegionAndTheLastThreeDigits() {
        Destinations.ShipTo whole = new Destinations.ShipTo(UUID.randomUUID(), "Siti Rahayu", "+6281234567890",
                "Jl. Kenanga 12", "32.73.01", "32.73", "40115", false);

        Destinations.ShipTo masked = whole.maskedForm();

        assertThat(masked).isEqualTo(new Destinations.ShipTo(whole.orderId(), "S*** R***", "***********890", "***",
                null, "32.73", "40115", true));
    }

}
