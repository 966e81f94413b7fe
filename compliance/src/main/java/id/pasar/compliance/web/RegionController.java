package id.pasar.compliance.web;

import id.pasar.compliance.Regions;
import id.pasar.compliance.Regions.Province;
import id.pasar.compliance.Regions.Regency;
import id.pasar.kernel.KeysetPage;
import id.pasar.kernel.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@RequiredArgsConstructor
@Tag(name = "Regions", description = "Kemendagri province and regency codes (reference data, no token needed)")
class RegionController {

    private final Regions regions;

    @GetMapping("/provinces")
    @Operation(summary = "All 38 provinces, whole, in one response")
    KeysetPage<RegionItem> provinces() {
        return KeysetPage.whole(regions.provinces().stream().map(RegionController::item).toList());
    }

    @GetMapping("/provinces/{code}/regencies")
    @Operation(summary = "The regencies and cities of a province, whole; 404 for an unknown province")
    KeysetPage<RegionItem> regencies(@Parameter(description = "anything else is 404 PROVINCE_NOT_FOUND",
            schema = @Schema(type = "string", pattern = "\\d{2}", maxLength = 2)) @PathVariable String code) {
        if (regions.province(code).isEmpty()) {
            throw new ProvinceNotFound(code);
        }
        return KeysetPage.whole(regions.regenciesOf(code).stream().map(RegionController::item).toList());
    }

    private static RegionItem item(Province province) {
        return new RegionItem(province.code(), province.name());
    }

    private static RegionItem item(Regency regency) {
        return new RegionItem(regency.code(), regency.name());
    }

    record RegionItem(String code, String name) {
    }

    static class ProvinceNotFound extends ProblemException {

        ProvinceNotFound(String code) {
            super(HttpStatus.NOT_FOUND, "PROVINCE_NOT_FOUND", "Province not found",
                    "No province has the code " + (code.length() > 10 ? code.substring(0, 10) + "..." : code) + ".");
        }

    }

}
