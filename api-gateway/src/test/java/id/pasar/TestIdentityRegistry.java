package id.pasar;

import id.pasar.compliance.IdentityRegistry;
import id.pasar.compliance.SellerIdentity;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;

/**
 * A stand-in for Dukcapil and OSS (no registry is reachable from here): it confirms the
 * identity numbers a test has named, and nothing else, so the code path where a
 * confirmation makes an application VERIFIED runs for real.
 */
@TestComponent
public class TestIdentityRegistry implements IdentityRegistry {

    private static final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    public static void confirm(String identityNumber) {
        confirmed.add(identityNumber);
    }

    @Override
    public boolean confirms(SellerIdentity identity) {
        return confirmed.contains(identity.identityNumber());
    }

}
