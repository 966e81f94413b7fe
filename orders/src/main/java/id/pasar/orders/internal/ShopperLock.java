package id.pasar.orders.internal;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One checkout or cart change of a shopper at a time, until the caller's transaction
 * ends: so that two racing orders cannot both fit under the purchase limit, and a
 * checkout from the cart sees the cart as no other device is changing it.
 */
@Component
@RequiredArgsConstructor
class ShopperLock {

    private final JdbcClient jdbc;

    @Transactional(propagation = Propagation.MANDATORY)
    void lock(UUID shopperId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('orders.shopper:' || :shopper, 0))")
            .param("shopper", shopperId.toString())
            .query(Object.class)
            .single();
    }

}
