package id.pasar.gateway.ratelimit;

import java.time.Duration;

/**
 * A rate limit as the OpenAPI document describes it: which method it counts, how many
 * requests in which window, and the code of its refusal.
 */
public interface DocumentedLimit {

    String method();

    int capacity();

    Duration period();

    /** What it counts, as in its 429's detail: "orders", "posts". */
    String what();

    /** The code of its 429: {@code TOO_MANY_ORDERS}. */
    String code();

}
