package id.pasar.ledger.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a bank account's holder is the seller (docs/ledger.md, "Whose account"): the
 * holder's name equals the legal name of the seller's verified identity once case,
 * accents, punctuation and spacing are ignored, and so are the titles and legal forms
 * that banks and documents add or leave out at either end ({@link #IGNORED}). A word in
 * the middle of a name is never ignored: "Budi H Santoso" is not "Budi Santoso".
 */
final class AccountHolderNames {

    /** Honorifics, hajj titles and legal forms, as words (the dots are gone by then). */
    static final Set<String> IGNORED = Set.of(
            // legal forms of businesses
            "PT", "CV", "UD", "FA", "FIRMA", "TBK", "PERSERO", "PERUM",
            // forms of address
            "BAPAK", "BPK", "PAK", "IBU", "BU", "SDR", "SDRI", "SAUDARA", "SAUDARI", "TUAN", "TN", "NYONYA", "NY",
            "NONA", "NN",
            // the hajj titles
            "H", "HJ", "HAJI", "HAJAH");

    private AccountHolderNames() {
    }

    static boolean same(String holderName, String legalName) {
        List<String> holder = words(holderName);
        return !holder.isEmpty() && holder.equals(words(legalName));
    }

    /** The name's words, upper case, without an ignored word at either end. */
    static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT)
            // Ma'ruf is Maruf; every other mark separates words
            .replaceAll("['\u2018\u2019`]", "")
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
        List<String> words = new ArrayList<>(plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" ")));
        while (!words.isEmpty() && IGNORED.contains(words.get(0))) {
            words.remove(0);
        }
        while (!words.isEmpty() && IGNORED.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return words;
    }

}
