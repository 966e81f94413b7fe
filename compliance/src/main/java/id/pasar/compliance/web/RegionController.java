package id.pasar.compliance.web;

import id.pasar.compliance.Regions;
import id.pasar.compliance.Regions.Province;
import id.pasar.compliance.Regions.Regency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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
    ReferenceList<RegionItem> provinces() {
        return new ReferenceList<>(regions.provinces().stream().map(RegionController::item).toList());
    }

    @GetMapping("/provinces/{code}/regencies")
    @Operation(summary = "The regencies and cities of a province, whole; 404 for an unknown province")
    ReferenceList<RegionItem> regencies(@PathVariable String code) {
        if (regions.province(code).isEmpty()) {
            throw new ProvinceNotFound(code);
        }
        return new ReferenceList<>(regions.regenciesOf(code).stream().map(RegionController::item).toList());
    }

    private static RegionItem item(Province province) {
        return new RegionItem(province.code(), province.name());
    }

    private static RegionItem item(Regency regency) {
        return new RegionItem(regency.code(), regency.name());
    }

    record RegionItem(String code, String name) {
    }

    /** A reference list comes whole: the list shape of api.md with {@code nextCursor} always null. */
    record ReferenceList<T>(List<T> items, String nextCursor) {
        ReferenceList(List<T> items) {
            this(items, null);
        }
    }

    static class ProvinceNotFound extends ErrorResponseException {
        ProvinceNotFound(String code) {
            super(HttpStatus.NOT_FOUND, problem(code), null);
        }

        private static ProblemDetail problem(String code) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No province has the code " + (code.length() > 10 ? code.substring(0, 10) + "..." : code) + ".");
            problem.setTitle("Province not found");
            problem.setProperty("code", "PROVINCE_NOT_FOUND");
            return problem;
        }
    }
}
