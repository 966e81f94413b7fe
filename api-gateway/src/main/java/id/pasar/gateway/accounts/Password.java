package id.pasar.gateway.accounts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A new password: at least 10 characters, and at most 72 bytes in UTF-8 (BCrypt reads no
 * further).
 */
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Password.Validator.class)
@interface Password {

    /**
     * BCrypt reads no further; as many characters at most, hence {@code @Size} beside.
     */
    int MAX_BYTES = 72;

    String message() default "must have at least 10 characters and at most 72 bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Password, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null // @NotNull's business
                    || value.codePointCount(0, value.length()) >= 10
                            && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }

    }

}
