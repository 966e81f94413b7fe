package id.pasar.compliance.internal;

import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.Regions;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The region data shipped in {@code classpath:regions/} (source and licence in its
 * README), read once at start into immutable maps: 8,000 rows, a few milliseconds, and
 * every lookup is a hash probe afterwards.
 */
@Component
class RegionDirectory implements Regions {

    private final Map<String, Province> provinces;

    private final Map<String, Regency> regencies;

    private final Map<String, List<Regency>> regenciesByProvince;

    private final Set<String> knownRegencies;

    private final Set<String> knownDistricts;

    RegionDirectory() {
        Map<String, Province> provinceMap = new LinkedHashMap<>();
        read("regions/provinces.csv",
                row -> provinceMap.put(row.get("code"), new Province(row.get("code"), row.get("name"))));
        Map<String, Regency> regencyMap = new LinkedHashMap<>();
        Map<String, List<Regency>> byProvince = new LinkedHashMap<>();
        read("regions/regencies.csv", row -> {
            Regency regency = new Regency(row.get("code"), row.get("province_code"), row.get("name"));
            regencyMap.put(regency.code(), regency);
            byProvince.computeIfAbsent(regency.provinceCode(), key -> new ArrayList<>()).add(regency);
        });
        Set<String> districts = new HashSet<>();
        read("regions/districts.csv", row -> districts.add(row.get("code")));
        Set<String> retiredRegencies = new HashSet<>();
        read("regions/retired_codes_2016_2023.csv", row -> {
            if ("regency".equals(row.get("level"))) {
                retiredRegencies.add(row.get("code"));
            }
            else {
                districts.add(row.get("code"));
            }
        });
        retiredRegencies.addAll(regencyMap.keySet());
        byProvince.replaceAll((code, list) -> List.copyOf(list));
        this.provinces = Collections.unmodifiableMap(provinceMap);
        this.regencies = Collections.unmodifiableMap(regencyMap);
        this.regenciesByProvince = Collections.unmodifiableMap(byProvince);
        this.knownRegencies = Set.copyOf(retiredRegencies);
        this.knownDistricts = Set.copyOf(districts);
    }

    private static void read(String resource, Consumer<CSVRecord> row) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            format.parse(reader).forEach(row);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public List<Province> provinces() {
        return List.copyOf(provinces.values());
    }

    @Override
    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    @Override
    public List<Regency> regenciesOf(String provinceCode) {
        return regenciesByProvince.getOrDefault(provinceCode, List.of());
    }

    @Override
    public Optional<Regency> regency(RegencyCode code) {
        return Optional.ofNullable(regencies.get(code.value()));
    }

    @Override
    public boolean isCurrentRegency(RegencyCode code) {
        return regencies.containsKey(code.value());
    }

    @Override
    public boolean isKnownProvince(String code) {
        return provinces.containsKey(code);
    }

    @Override
    public boolean isKnownRegency(String dottedCode) {
        return knownRegencies.contains(dottedCode);
    }

    @Override
    public boolean isKnownDistrict(String dottedCode) {
        return knownDistricts.contains(dottedCode);
    }

}
