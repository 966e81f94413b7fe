package id.pasar.compliance.web;

import id.pasar.compliance.PlatformAffiliateList;
import id.pasar.compliance.PlatformAffiliateList.Affiliate;
import id.pasar.compliance.PlatformAffiliateList.NewAffiliate;
import id.pasar.kernel.InvalidFields;
import id.pasar.kernel.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform-affiliate list: ADMIN changes it, AUDITOR reads it too; numbers always
 * masked.
 */
@RestController
@RequestMapping("/api/v1/admin/platform-affiliates")
@RequiredArgsConstructor
@Tag(name = "Platform affiliates",
        description = "Companies affiliated with the platform, which may not sell here " + "(ADMIN; AUDITOR reads)")
class PlatformAffiliateController {

    private final PlatformAffiliateList affiliates;

    @GetMapping
    @Operation(summary = "Every entry, oldest first; NIB and NPWP masked")
    KeysetPage<Affiliate> all() {
        return KeysetPage.whole(affiliates.all());
    }

    @PostMapping
    @Operation(summary = "List a company by NIB and/or NPWP", description = """
            201 with the entry. A decision PLATFORM_AFFILIATE_LIST goes into the log; a seller with this NIB or NPWP \
            is revoked (or its pending application rejected) with PLATFORM_AFFILIATE in the same transaction, and \
            its listings leave the shelf. 409 AFFILIATE_ALREADY_LISTED when the NIB or NPWP is listed already.""")
    ResponseEntity<Affiliate> add(@Valid @RequestBody AffiliateRequest request, Principal admin) {
        Affiliate added = affiliates.add(request.validated(), admin.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/platform-affiliates/" + added.id())).body(added);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Take an entry off the list (logged); sellers it revoked stay revoked")
    ResponseEntity<Void> remove(@PathVariable UUID id, Principal admin) {
        affiliates.remove(id, admin.getName());
        return ResponseEntity.noContent().build();
    }

    record AffiliateRequest(@Schema(example = "9120001234567") @Size(max = 30) String nib,
            @Schema(example = "01.234.567.8-901.000") @Size(max = 30) String npwp,
            @Schema(example = "PT Pasar Logistik Nusantara") @NotBlank @Size(max = 200) String legalName,
            @Schema(example = "Sister company under the same holding") @Size(max = 1000) String note) {

        /**
         * Separators (spaces, dots, dashes) dropped; NIB 13 digits, NPWP 15 or 16; at
         * least one.
         */
        NewAffiliate validated() {
            List<Map<String, String>> errors = new ArrayList<>();
            String nibDigits = digits(nib);
            String npwpDigits = digits(npwp);
            if (nibDigits != null && !nibDigits.matches("[0-9]{13}")) {
                errors.add(Map.of("field", "nib", "message", "must be 13 digits"));
            }
            if (npwpDigits != null && !npwpDigits.matches("[0-9]{15,16}")) {
                errors.add(Map.of("field", "npwp", "message", "must be 15 or 16 digits"));
            }
            if (nibDigits == null && npwpDigits == null) {
                errors.add(Map.of("field", "nib", "message", "give a NIB, an NPWP or both"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidFields(errors);
            }
            return new NewAffiliate(nibDigits, npwpDigits, legalName.strip(), note);
        }

        private static String digits(String value) {
            return value == null || value.isBlank() ? null : value.replaceAll("[ .\\-]", "");
        }

        @Override
        public String toString() {
            return "AffiliateRequest[legalName=" + legalName + "]";
        }
    }

}
