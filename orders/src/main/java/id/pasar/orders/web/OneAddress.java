package id.pasar.orders.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An order goes to a saved address ({@code addressId}) or to one given inline
 * ({@code shippingAddress}): exactly one of the two. The error names the field to fix:
 * {@code shippingAddress} when neither is given, {@code addressId} when both are.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneAddress.Check.class)
@interface OneAddress {

    /** A request that names where it goes, one way or the other. */
    interface Addressed {

        java.util.UUID addressId();

        Object shippingAddress();

    }

    String message() default "give addressId or shippingAddress";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<OneAddress, Addressed> {

        @Override
        public boolean isValid(Addressed request, ConstraintValidatorContext context) {
            boolean saved = request.addressId() != null;
            boolean inline = request.shippingAddress() != null;
            if (saved != inline) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context
                .buildConstraintViolationWithTemplate(saved ? "give addressId or shippingAddress, not both"
                        : "must be given, or an addressId of the address book")
                .addPropertyNode(saved ? "addressId" : "shippingAddress")
                .addConstraintViolation();
            return false;
        }

    }

}
