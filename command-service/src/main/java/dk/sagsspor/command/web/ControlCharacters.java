package dk.sagsspor.command.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses text with control characters other than tab, line feed and carriage return, in every text of a command
 * however it arrives (a request body, a header, an imported document): PostgreSQL's text cannot hold U+0000, so such an
 * event would be stored and then refused by every read model, and the others are never meant as text. The refusal
 * names each field (the command's component path, e.g. {@code corrections[1]}).
 */
final class ControlCharacters {

    private ControlCharacters() {}

    /** Throws {@link InvalidRequest} naming every text of the command that holds a control character. */
    static void check(Object command) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        walk(command, "", errors, 0);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static void walk(Object value, String path, List<InvalidRequest.FieldError> errors, int depth) {
        if (value == null || depth > 8) {
            return;
        }
        if (value instanceof CharSequence text) {
            int at = firstControl(text);
            if (at >= 0) {
                errors.add(new InvalidRequest.FieldError(
                        path.isEmpty() ? "value" : path,
                        "must not contain control characters (found U+%04X at position %d); only tab and line breaks are allowed"
                                .formatted((int) text.charAt(at), at)));
            }
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(present -> walk(present, path, errors, depth + 1));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", errors, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "[" + key + "]", errors, depth + 1));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                walk(
                        read(component, value),
                        path.isEmpty() ? component.getName() : path + "." + component.getName(),
                        errors,
                        depth + 1);
            }
        }
    }

    private static int firstControl(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }
}
