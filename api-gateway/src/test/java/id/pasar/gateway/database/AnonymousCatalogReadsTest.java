package id.pasar.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AnonymousCatalogReadsTest {

    private final AnonymousCatalogReads interceptor = new AnonymousCatalogReads();

    @Test
    void anAnonymousGetMayReadFromAReplicaWhileItsHandlerRuns() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/catalog/listings");

        interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
        assertThat(AnonymousCatalogReads.current()).isNotNull();
        interceptor.afterCompletion(request, new MockHttpServletResponse(), new Object(), null);

        assertThat(AnonymousCatalogReads.current()).as("the thread serves other requests next").isNull();
    }

    @Test
    void aRequestWithATokenOrAnAccountReadsFromThePrimary() {
        MockHttpServletRequest withToken = new MockHttpServletRequest("GET", "/api/v1/catalog/listings");
        withToken.addHeader("Authorization", "Bearer x");
        MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/api/v1/catalog/listings");
        signedIn.setUserPrincipal((Principal) () -> "shopper");

        assertThat(AnonymousCatalogReads.isAnonymousCatalogRead(withToken)).isFalse();
        assertThat(AnonymousCatalogReads.isAnonymousCatalogRead(signedIn)).isFalse();
    }

    @Test
    void aWriteReadsFromThePrimary() {
        for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
            assertThat(AnonymousCatalogReads
                .isAnonymousCatalogRead(new MockHttpServletRequest(method, "/api/v1/catalog/listings"))).as(method)
                .isFalse();
        }
    }

}
