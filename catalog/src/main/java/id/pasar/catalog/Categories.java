package id.pasar.catalog;

import id.pasar.compliance.ListingRules.LicenceKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The category tree: reference data, read once, whole. */
public interface Categories {

    List<Category> all();

    Optional<Category> find(String code);

    /**
     * The code and the codes of its children: a filter on a parent finds its children's
     * listings.
     */
    Set<String> withDescendants(String code);

    /**
     * @param requiredLicence {@code BPOM}, {@code SNI} or null
     * @param licenceKind which licence number forms the compliance rules accept, or null
     * @param halalRequired certified halal or declared not halal, from rule set v2
     */
    record Category(String code, String parentCode, String name, String nameEn, boolean prohibited,
            String requiredLicence, LicenceKind licenceKind, boolean halalRequired) {
    }

}
