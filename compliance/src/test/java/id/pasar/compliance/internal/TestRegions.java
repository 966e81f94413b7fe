package id.pasar.compliance.internal;

import id.pasar.compliance.Regions;

/**
 * The shipped region data for plain unit tests in other packages, which cannot see
 * {@link RegionDirectory}.
 */
public final class TestRegions {

    private TestRegions() {
    }

    public static Regions load() {
        return new RegionDirectory();
    }

}
