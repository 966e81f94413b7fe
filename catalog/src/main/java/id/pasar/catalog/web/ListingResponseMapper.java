package id.pasar.catalog.web;

import id.pasar.catalog.internal.Listing;
import id.pasar.catalog.internal.Variant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring")
interface ListingResponseMapper {

    ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Mapping(target = "listingId", source = "listing.id")
    @Mapping(target = "variants", source = "variants")
    @Mapping(target = "photos", source = "listing.photoIds")
    ListingResponse toResponse(Listing listing, List<Variant> variants);

    @Mapping(target = "variantId", source = "id")
    @Mapping(target = "options", source = "optionValues")
    ListingResponse.VariantResponse toResponse(Variant variant);

    default List<Photo> photos(List<UUID> photoIds) {
        return Photo.all(photoIds);
    }

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
