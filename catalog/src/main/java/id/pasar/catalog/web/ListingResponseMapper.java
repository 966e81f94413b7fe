package id.pasar.catalog.web;

import id.pasar.catalog.internal.Listing;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring")
interface ListingResponseMapper {

    ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Mapping(target = "listingId", source = "id")
    ListingResponse toResponse(Listing listing);

    default OffsetDateTime jakartaTime(Instant instant) {
        return instant == null ? null : instant.atZone(JAKARTA).toOffsetDateTime();
    }

    default String status(Listing.Status status) {
        return status.name();
    }

    default String halal(id.pasar.compliance.ListingRules.HalalStatus status) {
        return status == null ? null : status.name();
    }

}
