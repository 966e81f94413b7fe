package id.pasar.orders.web;

import id.pasar.onboarding.Sellers;
import id.pasar.orders.internal.OrderProblems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.UUID;

/** Who calls, and what an Idempotency-Key's request is, for the orders' controllers. */
final class Callers {

    private Callers() {
    }

    /** The caller's account: a token's subject is its user id. */
    static UUID user(Principal caller) {
        return UUID.fromString(caller.getName());
    }

    /**
     * The caller's seller; an account that has none has no seller orders or returns: 404.
     */
    static UUID seller(Sellers sellers, Principal caller) {
        return sellers.ofUser(user(caller)).orElseThrow(OrderProblems.OrderNotFound::new).sellerId();
    }

    /**
     * A fingerprint of a request, to tell a retry under one Idempotency-Key from another
     * request under it.
     */
    static String fingerprint(String request) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
