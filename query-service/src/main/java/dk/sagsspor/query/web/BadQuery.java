package dk.sagsspor.query.web;

/** A query parameter that makes no sense; answered with a 400 problem naming it. */
public class BadQuery extends RuntimeException {

    private final String parameter;

    public BadQuery(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /**
     * The values given for a repeatable parameter, each of which must be one of {@code known}; {@code otherwise} when
     * none is given.
     */
    public static java.util.List<String> oneOf(
            String parameter,
            java.util.@org.jspecify.annotations.Nullable List<String> given,
            java.util.List<String> known,
            java.util.List<String> otherwise) {
        if (given == null || given.isEmpty()) {
            return otherwise;
        }
        for (String value : given) {
            if (!known.contains(value)) {
                throw new BadQuery(parameter, "must be one of " + known);
            }
        }
        return given;
    }

    String parameter() {
        return parameter;
    }
}
