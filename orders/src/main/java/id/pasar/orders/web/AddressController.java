package id.pasar.orders.web;

import id.pasar.kernel.KeysetPage;
import id.pasar.orders.internal.AddressBook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/shoppers/me/addresses")
@RequiredArgsConstructor
@Tag(name = "Addresses (shoppers)")
class AddressController {

    private final AddressBook book;

    @GetMapping
    @Operation(summary = "The caller's addresses, whole: the default first, then the newest")
    KeysetPage<AddressResponse> mine(Principal caller) {
        return KeysetPage.whole(book.of(Callers.user(caller)).stream().map(AddressResponse::of).toList());
    }

    @PostMapping
    @Operation(summary = "Save an address", description = """
            The first address becomes the default; `isDefault: true` moves the default here. Refusals: 400 \
            VALIDATION_FAILED (a phone that is not an Indonesian mobile number, ...), 422 ADDRESS_NOT_DOMESTIC, \
            DISTRICT_NOT_IN_REGENCY, ADDRESS_BOOK_FULL (20 addresses).""")
    ResponseEntity<AddressResponse> add(@Valid @RequestBody AddressRequest request, Principal caller) {
        AddressResponse saved = AddressResponse
            .of(book.add(Callers.user(caller), request.details(), request.makeDefault()));
        return ResponseEntity.created(URI.create("/api/v1/shoppers/me/addresses/" + saved.addressId())).body(saved);
    }

    @GetMapping("/{addressId}")
    @Operation(summary = "One of the caller's addresses; another shopper's is 404")
    AddressResponse one(@PathVariable UUID addressId, Principal caller) {
        return AddressResponse.of(book.one(Callers.user(caller), addressId));
    }

    @PutMapping("/{addressId}")
    @Operation(summary = "Replace an address; another shopper's is 404", description = """
            `isDefault: true` moves the default here; false leaves the default where it is (make another \
            address default to move it).""")
    AddressResponse update(@PathVariable UUID addressId, @Valid @RequestBody AddressRequest request, Principal caller) {
        return AddressResponse
            .of(book.update(Callers.user(caller), addressId, request.details(), request.makeDefault()));
    }

    @DeleteMapping("/{addressId}")
    @Operation(summary = "Delete an address; the newest remaining one becomes default if it was")
    ResponseEntity<Void> delete(@PathVariable UUID addressId, Principal caller) {
        book.delete(Callers.user(caller), addressId);
        return ResponseEntity.noContent().build();
    }

}
