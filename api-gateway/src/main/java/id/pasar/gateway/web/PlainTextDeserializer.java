package id.pasar.gateway.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every text of a request body is plain text: no control characters but tab, line feed
 * and carriage return, and no bidirectional embeddings, overrides or isolates
 * (U+202A-U+202E, U+2066-U+2069), which make {@code rtl\u202Egnp.exe} display as
 * {@code rtlexe.png} to the next reader (a shopper, an officer, an auditor's
 * spreadsheet). Such a text is refused whole with 400 {@code INVALID_CHARACTER} naming
 * the field, never cleaned silently.
 */
class PlainTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                if (forbidden(text.charAt(i))) {
                    throw new ForbiddenCharacter(parser, text);
                }
            }
        }
        return text;
    }

    static boolean forbidden(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.getType(c) == Character.CONTROL || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * What {@link ProblemHandler} answers with 400 INVALID_CHARACTER; the value itself is
     * never echoed.
     */
    static final class ForbiddenCharacter extends InvalidFormatException {

        ForbiddenCharacter(JsonParser parser, String text) {
            super(parser, "a control or bidirectional formatting character", text, String.class);
        }

    }

}
