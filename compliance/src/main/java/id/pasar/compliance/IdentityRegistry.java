package id.pasar.compliance;

/**
 * A port to an official identity registry: Dukcapil for a NIK, OSS for a NIB. Private
 * parties reach Dukcapil only under a cooperation agreement (PKS, Permendagri 102/2019)
 * and no registry is reachable from here, so by default no adapter is registered and
 * every application that passes the rules waits for a compliance officer. An adapter is a
 * Spring bean implementing this; any adapter's confirmation makes an application that
 * passes every rule VERIFIED at once.
 */
public interface IdentityRegistry {

    /**
     * Whether the registry holds this identity with these details. Must not throw for
     * "unknown".
     */
    boolean confirms(SellerIdentity identity);

}
