package id.pasar.ledger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.pasar.Api;
import id.pasar.TestApplicationInitializer;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.social.SocialFixtures.Creator;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Sellers and creators with money to pay out, bank accounts, payouts, through the API.
 */
public final class PayoutFixtures {

    public static final String PAYOUTS = "/api/v1/sellers/me/payouts";

    public static final String BANK_ACCOUNT = "/api/v1/sellers/me/bank-account";

    public static final String CREATOR_PAYOUTS = "/api/v1/creators/me/payouts";

    public static final String CREATOR_BANK_ACCOUNT = "/api/v1/creators/me/bank-account";

    /**
     * The legal name of CatalogFixtures.verifiedSeller's KTP, and of
     * SocialFixtures.verifiedCreator's.
     */
    public static final String HOLDER = "Budi Santoso";

    private PayoutFixtures() {
    }

    /**
     * Credits the seller's available balance as a completed sale would, as the database's
     * owner (one balanced ledger transaction), without walking an order: the tests of
     * payouts need money, not orders. LedgerTest and PayoutsTest walk the real path.
     */
    public static void credit(Seller seller, long amountIdr) {
        UUID sellerId = UUID.fromString(seller.sellerId());
        credit("SELLER_AVAILABLE", sellerId, sellerId, "SALE_RELEASED", amountIdr);
    }

    /**
     * Credits the creator's available balance as an earned commission would (the lead's
     * commissions post it from completed seller orders), in the same way.
     */
    public static void credit(Creator creator, long amountIdr) {
        credit("CREATOR_AVAILABLE", UUID.fromString(creator.creatorId()), null, "COMMISSION_EARNED", amountIdr);
    }

    private static void credit(String account, UUID holderId, UUID sellerId, String entryType, long amountIdr) {
        UUID transaction = UUID.randomUUID();
        try (Connection connection = TestDatabase.instance().connect()) {
            connection.setAutoCommit(false);
            run(connection, """
                    INSERT INTO ledger.accounts (id, kind, holder_id, created_at)
                    VALUES (gen_random_uuid(), 'GATEWAY_CLEARING', NULL, now()),
                           (gen_random_uuid(), ?, ?, now()) ON CONFLICT DO NOTHING""", account, holderId);
            run(connection, """
                    INSERT INTO ledger.transactions (id, kind, source_key, seller_id, occurred_at, posted_at)
                    VALUES (?, 'SELLER_ORDER_COMPLETED', ?, ?, now(), now())""", transaction,
                    "test-credit:" + transaction, sellerId);
            run(connection, """
                    INSERT INTO ledger.entries (transaction_id, account_id, amount_idr, type, occurred_at)
                    SELECT ?, id, ?, 'SETTLEMENT', now() FROM ledger.accounts
                    WHERE kind = 'GATEWAY_CLEARING' AND holder_id IS NULL""", transaction, amountIdr);
            run(connection, """
                    INSERT INTO ledger.entries (transaction_id, account_id, amount_idr, type, occurred_at)
                    SELECT ?, id, ?, ?, now() FROM ledger.accounts
                    WHERE kind = ? AND holder_id = ?""", transaction, -amountIdr, entryType, account, holderId);
            connection.commit();
        }
        catch (Exception e) {
            throw new IllegalStateException("credit of " + amountIdr, e);
        }
    }

    private static void run(Connection connection, String statement, Object... parameters) throws Exception {
        try (PreparedStatement sql = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            sql.execute();
        }
    }

    public static Map<String, Object> bankAccount(String bankCode, String accountNumber, String holderName) {
        return Map.of("bankCode", bankCode, "accountNumber", accountNumber, "holderName", holderName);
    }

    /** The seller's first account, at BCA in its own name. */
    public static void withBankAccount(Api api, Seller seller, String accountNumber) {
        api.put(BANK_ACCOUNT, bankAccount("014", accountNumber, HOLDER)).bearer(seller.token()).send().expect(201);
    }

    public static Api.Response requestPayout(Api api, Seller seller, Object amountIdr, String key) {
        return api.post(PAYOUTS, Map.of("amountIdr", amountIdr))
            .bearer(seller.token())
            .header("Idempotency-Key", key)
            .send();
    }

    /** The creator's first account, at BCA in its own name. */
    public static void withBankAccount(Api api, Creator creator, String accountNumber) {
        api.put(CREATOR_BANK_ACCOUNT, bankAccount("014", accountNumber, HOLDER))
            .bearer(creator.token())
            .send()
            .expect(201);
    }

    public static Api.Response requestPayout(Api api, Creator creator, Object amountIdr, String key) {
        return api.post(CREATOR_PAYOUTS, Map.of("amountIdr", amountIdr))
            .bearer(creator.token())
            .header("Idempotency-Key", key)
            .send();
    }

    /** The same account's token, issued {@code age} ago (signed with the tests' key). */
    public static String tokenIssuedAgo(String token, Duration age) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            Instant issued = Instant.now().minus(age);
            SignedJWT aged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    new JWTClaimsSet.Builder(claims).jwtID(UUID.randomUUID().toString())
                        .issueTime(Date.from(issued))
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
            aged.sign(new MACSigner(TestApplicationInitializer.JWT_SECRET));
            return aged.serialize();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
