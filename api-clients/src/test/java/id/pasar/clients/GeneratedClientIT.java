package id.pasar.clients;

import id.pasar.client.java.ApiClient;
import id.pasar.client.java.ApiException;
import id.pasar.client.java.api.AccountsApi;
import id.pasar.client.java.api.AddressesShoppersApi;
import id.pasar.client.java.api.CatalogShoppersApi;
import id.pasar.client.java.api.ComplianceOfficersApi;
import id.pasar.client.java.api.ListingsSellersApi;
import id.pasar.client.java.api.OrdersShoppersApi;
import id.pasar.client.java.api.SellerOnboardingApi;
import id.pasar.client.java.model.Address;
import id.pasar.client.java.model.AddressRequest;
import id.pasar.client.java.model.Credentials;
import id.pasar.client.java.model.IdentityDocument;
import id.pasar.client.java.model.ListingRequest;
import id.pasar.client.java.model.NewAccount;
import id.pasar.client.java.model.OrderItem;
import id.pasar.client.java.model.OrderRequest;
import id.pasar.client.java.model.OrderResponse;
import id.pasar.client.java.model.SearchItem;
import id.pasar.client.java.model.SellerAddress;
import id.pasar.client.java.model.SellerApplicationRequest;
import id.pasar.client.java.model.SellerResponse;
import id.pasar.client.java.model.SellerReview;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper's flow through the Java client generated from the running application's
 * document (ADR 0030): register, token, search, order. The listing it orders is made
 * through the same client: a SELLER applies, the bootstrap ADMIN approves, the seller
 * publishes. The application and its address come from the module's build.
 */
class GeneratedClientIT {

    private static final String BASE_URL = System.getProperty("pasar.base-url", "http://localhost:8080");

    @Test
    void aShopperRegistersSearchesAndOrdersThroughTheGeneratedClient() throws Exception {
        String word = uniqueWord();
        UUID listingId = publishedListing("Keranjang Rotan " + word);

        // register and token
        String email = "shopper-" + UUID.randomUUID() + "@example.id";
        AccountsApi accounts = new AccountsApi(client(null));
        accounts.accountRegister(new NewAccount().email(email)
            .password("password-shopper")
            .displayName("Siti")
            .role(NewAccount.RoleEnum.SHOPPER));
        String shopper = accounts.token(new Credentials().email(email).password("password-shopper")).getAccessToken();
        assertThat(shopper).isNotBlank();

        // search
        List<SearchItem> found = new CatalogShoppersApi(client(null))
            .catalogListings(word, null, null, null, null, null, 10, null)
            .getItems();
        assertThat(found).extracting(SearchItem::getListingId).containsExactly(listingId);
        assertThat(found.get(0).getPriceIdr()).isEqualTo(150_000L);

        // order, to a saved address
        UUID addressId = new AddressesShoppersApi(client(shopper))
            .addressAdd(new AddressRequest().label("Rumah")
                .recipientName("Siti Rahayu")
                .phone("+62 812 3456 7890")
                .street("Jl. Kenanga 12")
                .regencyCode("3273")
                .postalCode("40115"))
            .getAddressId();
        OrderResponse order = new OrdersShoppersApi(client(shopper)).place(UUID.randomUUID().toString(),
                new OrderRequest().items(List.of(new OrderItem().listingId(listingId).quantity(2)))
                    .addressId(addressId));
        assertThat(order.getStatus()).isEqualTo(OrderResponse.StatusEnum.PENDING_PAYMENT);
        assertThat(order.getItemsTotalIdr()).isEqualTo(300_000L);
        assertThat(order.getTotalIdr()).isEqualTo(order.getItemsTotalIdr() + order.getShippingTotalIdr());
        Address to = order.getShippingAddress();
        assertThat(to.getPostalCode()).isEqualTo("40115");
    }

    /**
     * A new SELLER applies with a KTP, the bootstrap ADMIN approves it, and it publishes
     * a listing of a craft category that needs no licence.
     */
    private static UUID publishedListing(String title) throws ApiException {
        String seller = newAccount(NewAccount.RoleEnum.SELLER);
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 30));
        SellerResponse applied = new SellerOnboardingApi(client(seller))
            .sellerApply(new SellerApplicationRequest().shopName("Rotan Lestari " + title.substring(title.length() - 4))
                .sellerType(SellerApplicationRequest.SellerTypeEnum.INDIVIDUAL)
                .annualRevenueIdr(350_000_000L)
                .address(new SellerAddress().street("Jl. Melati 5").regencyCode("3204").postalCode("40921"))
                .identity(new IdentityDocument().documentType(IdentityDocument.DocumentTypeEnum.KTP)
                    .nik(nik(born))
                    .fullName("Budi Santoso")
                    .dateOfBirth(born)
                    .gender(IdentityDocument.GenderEnum.MALE)
                    .citizenship(IdentityDocument.CitizenshipEnum.WNI)));
        String admin = token(System.getProperty("pasar.admin-email"), System.getProperty("pasar.admin-password"));
        SellerResponse approved = new ComplianceOfficersApi(client(admin)).sellerReviewDecide(applied.getSellerId(),
                new SellerReview().decision(SellerReview.DecisionEnum.APPROVE)
                    .note("KTP checked against the original"));
        assertThat(approved.getStatus()).isEqualTo(SellerResponse.StatusEnum.VERIFIED);

        ListingsSellersApi listings = new ListingsSellersApi(client(seller));
        UUID listingId = listings
            .create(new ListingRequest().title(title)
                .description("Dibuat tangan oleh pengrajin lokal.")
                .categoryCode("anyaman-rotan")
                .priceIdr(150_000L)
                .stock(10)
                .shipFromRegencyCode("3404")
                .weightGrams(800))
            .getListingId();
        listings.sellerListingPublish(listingId);
        return listingId;
    }

    private static String newAccount(NewAccount.RoleEnum role) throws ApiException {
        String email = role.getValue().toLowerCase() + "-" + UUID.randomUUID() + "@example.id";
        String password = "password-" + role.getValue().toLowerCase();
        new AccountsApi(client(null))
            .accountRegister(new NewAccount().email(email).password(password).displayName("Tester").role(role));
        return token(email, password);
    }

    private static String token(String email, String password) throws ApiException {
        return new AccountsApi(client(null)).token(new Credentials().email(email).password(password)).getAccessToken();
    }

    /** A client of the application, with the bearer token when one is given. */
    private static ApiClient client(String bearer) {
        ApiClient client = new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)),
                ApiClient.createDefaultObjectMapper(), BASE_URL);
        client.setReadTimeout(Duration.ofSeconds(30));
        if (bearer != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        }
        return client;
    }

    /**
     * A valid NIK: Kab. Bandung, district Soreang (32.04.11), the birth date, a random
     * serial.
     */
    private static String nik(LocalDate born) {
        return String.format("320411%02d%02d%02d%04d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100,
                1 + ThreadLocalRandom.current().nextInt(9999));
    }

    /** A word of letters only, so that the Indonesian stemmer leaves it whole. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

}
