package id.pasar.gateway.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A date in a request body is ISO text, {@code yyyy-MM-dd}, with a year of four digits: a
 * number is not a date (Jackson would read it as days since 1970, so that a random
 * integer became the year -3,608,018, which PostgreSQL cannot store: a 500), nor is a
 * year that needs a sign.
 */
class IsoDateDeserializer extends StdDeserializer<LocalDate> {

    IsoDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getString();
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        }
        catch (DateTimeException unparsable) {
            // refused below
        }
        throw new InvalidFormatException(parser, "not a date (yyyy-MM-dd)", text, LocalDate.class);
    }

}
