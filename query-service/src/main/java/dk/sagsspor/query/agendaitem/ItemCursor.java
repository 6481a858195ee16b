package dk.sagsspor.query.agendaitem;

import dk.sagsspor.query.web.BadQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A place in an item list, which is ordered by when items were proposed and then by id: the {@code after} of a
 * {@code next} link, opaque to clients (URL-safe Base64 of the instant and the id).
 */
record ItemCursor(Instant proposedAt, String id) {

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((proposedAt + " " + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a {@code next} link carried, or null if none; a 400 naming {@code after} if it is not one. */
    static ItemCursor decode(String after) {
        if (after == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            if (space < 0 || space == text.length() - 1) {
                throw new IllegalArgumentException("no id");
            }
            return new ItemCursor(Instant.parse(text.substring(0, space)), text.substring(space + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadQuery("after", "must be the after of a next link this list gave");
        }
    }
}
