package id.pasar.orders.internal;

/**
 * How far a parcel goes, from the Kemendagri codes of its origin and destination
 * regencies ({@code PP.KK}).
 */
public enum ShippingZone {

    SAME_REGENCY, SAME_PROVINCE, SAME_ISLAND_GROUP, OTHER_ISLAND_GROUP;

    public static ShippingZone between(String originRegencyCode, String destinationRegencyCode) {
        if (originRegencyCode.equals(destinationRegencyCode)) {
            return SAME_REGENCY;
        }
        String origin = originRegencyCode.substring(0, 2);
        String destination = destinationRegencyCode.substring(0, 2);
        if (origin.equals(destination)) {
            return SAME_PROVINCE;
        }
        return IslandGroup.of(origin) == IslandGroup.of(destination) ? SAME_ISLAND_GROUP : OTHER_ISLAND_GROUP;
    }

    /**
     * Groups of provinces that couriers price alike, by province code (the first two
     * digits of a Kemendagri code). Bali rides with Java: it is trucked over the Ketapang
     * ferry like Java's own parcels.
     */
    public enum IslandGroup {

        SUMATRA(11, 21), JAVA_BALI(31, 36, 51, 51), NUSA_TENGGARA(52, 53), KALIMANTAN(61, 65), SULAWESI(71, 76),
        MALUKU(81, 82), PAPUA(91, 97);

        /** Inclusive ranges of province codes: from, to, from, to ... */
        private final int[] ranges;

        IslandGroup(int... ranges) {
            this.ranges = ranges;
        }

        /**
         * @throws IllegalArgumentException for a code that is no province's
         */
        public static IslandGroup of(String provinceCode) {
            if (provinceCode == null || !provinceCode.matches("\\d{2}")) {
                throw new IllegalArgumentException("a province code is two digits: " + provinceCode);
            }
            int code = Integer.parseInt(provinceCode);
            for (IslandGroup group : values()) {
                for (int i = 0; i < group.ranges.length; i += 2) {
                    if (code >= group.ranges[i] && code <= group.ranges[i + 1]) {
                        return group;
                    }
                }
            }
            throw new IllegalArgumentException("no island group for province " + provinceCode);
        }

    }

}
