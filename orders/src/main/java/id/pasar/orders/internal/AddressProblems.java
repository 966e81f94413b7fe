package id.pasar.orders.internal;

import id.pasar.kernel.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The refusals of the address book, each with its stable code. */
public final class AddressProblems {

    private AddressProblems() {
    }

    /** Not found, or another shopper's. */
    public static final class AddressNotFound extends ProblemException {

        AddressNotFound() {
            super(HttpStatus.NOT_FOUND, "ADDRESS_NOT_FOUND", "Address not found",
                    "There is no such address in your address book.");
        }

    }

    public static final class AddressBookFull extends ProblemException {

        AddressBookFull(int capacity) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "ADDRESS_BOOK_FULL", "Address book full",
                    "An address book holds at most " + capacity + " addresses; delete one first.");
            property("capacity", capacity);
        }

    }

    public static final class DistrictNotInRegency extends ProblemException {

        DistrictNotInRegency() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "DISTRICT_NOT_IN_REGENCY", "District not in regency",
                    "The district is not a known district of the address's regency.");
            property("errors",
                    List.of(Map.of("field", "districtCode", "message", "must be a district of the regency")));
        }

    }

}
