package id.pasar.catalog.web;

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
 * A listing is sold one way or by variants (ADR 0023): without {@code options}, its own
 * {@code priceIdr}, {@code stock} and {@code weightGrams} are required and
 * {@code variants} are not allowed; with options, {@code variants} are required and the
 * listing's own price, stock, weight and SKU are not allowed (each variant has them).
 * Every field in the wrong place is named at once, with the other fields' errors.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ListingShape.Check.class)
@interface ListingShape {

    String message() default "a listing is sold one way or by variants";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ListingShape, ListingRequest> {

        @Override
        public boolean isValid(ListingRequest request, ConstraintValidatorContext context) {
            boolean byVariants = request.options() != null && !request.options().isEmpty();
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (byVariants) {
                valid &= absent(request.priceIdr(), "priceIdr", context);
                valid &= absent(request.stock(), "stock", context);
                valid &= absent(request.weightGrams(), "weightGrams", context);
                valid &= absent(request.sku(), "sku", context);
                if (request.variants() == null || request.variants().isEmpty()) {
                    valid = violation("variants", "must be given with options", context);
                }
            }
            else {
                valid &= given(request.priceIdr(), "priceIdr", context);
                valid &= given(request.stock(), "stock", context);
                valid &= given(request.weightGrams(), "weightGrams", context);
                if (request.variants() != null && !request.variants().isEmpty()) {
                    valid = violation("variants", "variants need options", context);
                }
            }
            return valid;
        }

        private static boolean given(Object value, String field, ConstraintValidatorContext context) {
            return value != null || violation(field, "must not be null", context);
        }

        private static boolean absent(Object value, String field, ConstraintValidatorContext context) {
            return value == null || violation(field, "with options, give it for each variant", context);
        }

        private static boolean violation(String field, String message, ConstraintValidatorContext context) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }

    }

}
