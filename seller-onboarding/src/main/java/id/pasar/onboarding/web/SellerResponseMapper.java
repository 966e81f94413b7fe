package id.pasar.onboarding.web;

import id.pasar.onboarding.internal.SellerView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring")
interface SellerResponseMapper {

    ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Mapping(target = "sellerId", source = "id")
    SellerResponse toResponse(SellerView seller);

    default OffsetDateTime jakartaTime(Instant instant) {
        return instant == null ? null : instant.atZone(JAKARTA).toOffsetDateTime();
    }

}
