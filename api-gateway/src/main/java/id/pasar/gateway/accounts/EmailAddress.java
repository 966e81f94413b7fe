package id.pasar.gateway.accounts;

import java.util.Locale;

/**
 * An email as accounts compare it: trimmed and lower-cased, so {@code Budi@Example.id} is
 * {@code budi@example.id}.
 */
record EmailAddress(String value) {

    EmailAddress {
        value = value.trim().toLowerCase(Locale.ROOT);
    }
}
