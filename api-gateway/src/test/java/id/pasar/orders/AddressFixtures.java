package id.pasar.orders;

import id.pasar.Api;
import java.util.HashMap;
import java.util.Map;

/** Saved addresses through the API. */
public final class AddressFixtures {

    private AddressFixtures() {
    }

    /** A whole address in Kota Bandung (32.73), district Sukasari (32.73.01). */
    public static Map<String, Object> address(String label) {
        Map<String, Object> address = new HashMap<>();
        address.put("label", label);
        address.put("recipientName", "Siti Rahayu");
        address.put("phone", "0812-3456-7890");
        address.put("street", "Jl. Kenanga 12");
        address.put("regencyCode", "3273");
        address.put("districtCode", "32.73.01");
        address.put("postalCode", "40115");
        return address;
    }

    public static Map<String, Object> with(Map<String, Object> address, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(address);
        changed.put(field, value);
        return changed;
    }

    /** Saves it; the address as answered. */
    public static Api.Response save(Api api, String shopper, Map<String, Object> address) {
        return api.post("/api/v1/shoppers/me/addresses", address).bearer(shopper).send();
    }

}
