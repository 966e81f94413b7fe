package id.pasar.catalog.internal;

import id.pasar.catalog.Categories;
import id.pasar.compliance.ListingRules.LicenceKind;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The category tree, read from {@code catalog.categories} on first use (after the
 * migrations have run) and kept: it changes only with a migration.
 */
@Component
class CategoryDirectory implements Categories {

    private final JdbcClient jdbc;

    private volatile Map<String, Category> byCode;

    CategoryDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Map<String, Category> byCode() {
        Map<String, Category> loaded = byCode;
        if (loaded == null) {
            loaded = load();
            byCode = loaded;
        }
        return loaded;
    }

    private Map<String, Category> load() {
        Map<String, Category> categories = new LinkedHashMap<>();
        jdbc.sql("SELECT code, parent_code, name, name_en, prohibited, required_licence, licence_kind, halal_required "
                + "FROM catalog.categories ORDER BY sort_order")
            .query((rs, row) -> new Category(rs.getString("code"), rs.getString("parent_code"), rs.getString("name"),
                    rs.getString("name_en"), rs.getBoolean("prohibited"), rs.getString("required_licence"),
                    rs.getString("licence_kind") == null ? null : LicenceKind.valueOf(rs.getString("licence_kind")),
                    rs.getBoolean("halal_required")))
            .list()
            .forEach(category -> categories.put(category.code(), category));
        return categories;
    }

    @Override
    public List<Category> all() {
        return List.copyOf(byCode().values());
    }

    @Override
    public Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode().get(code));
    }

    @Override
    public Set<String> withDescendants(String code) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(code);
        byCode().values().stream().filter(c -> code.equals(c.parentCode())).forEach(c -> codes.add(c.code()));
        return codes;
    }

}
