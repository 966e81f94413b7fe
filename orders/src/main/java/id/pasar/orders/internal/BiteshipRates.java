package id.pasar.orders.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.extern.slf4j.Slf4j;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Courier rates from Biteship's rate API ({@code POST /v1/rates/couriers}), by postal
 * codes. Biteship's courier and service codes are mapped to ours; services we do not
 * offer are dropped. A route without both postal codes (a listing has none for its
 * origin) cannot be asked and is priced by the {@link RateTable} instead. Any failure of
 * the API (an error status, a timeout, an answer we cannot read) is
 * {@link ShippingProblems.RatesUnavailable}, a 503.
 */
@Slf4j
public class BiteshipRates implements ShippingRates {

    static final String PATH = "/v1/rates/couriers";

    /** Biteship's courier code and service code, to ours. */
    static final Map<String, CourierService> SERVICES = Map.of("jne/reg", CourierService.JNE_REG, "jne/yes",
            CourierService.JNE_YES, "jnt/ez", CourierService.JNT_EZ, "sicepat/reg", CourierService.SICEPAT_REG,
            "pos/kilat_khusus", CourierService.POS_KILAT_KHUSUS, "gojek/instant", CourierService.GOSEND_INSTANT);

    /** The couriers to ask for, as Biteship names them. */
    static final String COURIERS = "jne,jnt,sicepat,pos,gojek";

    private final RestClient client;

    private final ShippingRates fallback;

    public BiteshipRates(ShippingProperties.Biteship properties, ShippingRates fallback) {
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.client = RestClient.builder()
            .baseUrl(properties.baseUrl().toString())
            .requestFactory(requests)
            .defaultHeader("authorization", properties.apiKey())
            .build();
        this.fallback = fallback;
    }

    @Override
    public List<ShippingOption> rates(Route route) {
        if (route.originPostalCode() == null || route.destinationPostalCode() == null) {
            return fallback.rates(route);
        }
        Ask ask = new Ask(Integer.parseInt(route.originPostalCode()), Integer.parseInt(route.destinationPostalCode()),
                COURIERS, List.of(new Item("Paket", route.valueIdr(), route.weightGrams(), 1)));
        Answer answer;
        try {
            answer = client.post()
                .uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(ask)
                .retrieve()
                .body(Answer.class);
        }
        catch (RuntimeException failure) {
            log.warn("Biteship rates failed: {}", failure.toString());
            throw new ShippingProblems.RatesUnavailable(failure);
        }
        if (answer == null || !Boolean.TRUE.equals(answer.success()) || answer.pricing() == null) {
            log.warn("Biteship answered no rates: success={}", answer == null ? null : answer.success());
            throw new ShippingProblems.RatesUnavailable(null);
        }
        Map<CourierService, ShippingOption> cheapest = new EnumMap<>(CourierService.class);
        for (Pricing pricing : answer.pricing()) {
            pricing.option()
                .ifPresent(option -> cheapest.merge(CourierService.of(option.courier(), option.service()).orElseThrow(),
                        option, (a, b) -> a.costIdr() <= b.costIdr() ? a : b));
        }
        return new ArrayList<>(cheapest.values());
    }

    /** The request body, as Biteship documents it: rates by postal codes. */
    record Ask(@JsonProperty("origin_postal_code") int originPostalCode,
            @JsonProperty("destination_postal_code") int destinationPostalCode, String couriers, List<Item> items) {
    }

    /** One item; weight in grams. */
    record Item(String name, long value, long weight, int quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(Boolean success, List<Pricing> pricing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pricing(@JsonProperty("courier_code") String courierCode,
            @JsonProperty("courier_service_code") String courierServiceCode, BigDecimal price,
            @JsonProperty("shipment_duration_range") String durationRange,
            @JsonProperty("shipment_duration_unit") String durationUnit) {

        /** Ours, or empty for a service we do not offer or cannot read. */
        Optional<ShippingOption> option() {
            if (courierCode == null || courierServiceCode == null || price == null || price.signum() < 0) {
                return Optional.empty();
            }
            CourierService service = SERVICES.get(courierCode.toLowerCase() + "/" + courierServiceCode.toLowerCase());
            if (service == null) {
                return Optional.empty();
            }
            return etaDays()
                .map(eta -> new ShippingOption(service, price.setScale(0, RoundingMode.CEILING).longValueExact(), eta));
        }

        /** The upper bound of "1 - 2" days, or of hours as whole days, at least 1. */
        private Optional<Integer> etaDays() {
            if (durationRange == null) {
                return Optional.empty();
            }
            String[] bounds = durationRange.split("-");
            try {
                int upper = Integer.parseInt(bounds[bounds.length - 1].trim());
                boolean hours = durationUnit != null && durationUnit.toLowerCase().startsWith("hour");
                return Optional.of(Math.max(1, hours ? (upper + 23) / 24 : upper));
            }
            catch (NumberFormatException unreadable) {
                return Optional.empty();
            }
        }
    }

}
