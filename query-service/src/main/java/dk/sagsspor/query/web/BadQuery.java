package dk.sagsspor.query.web;

/** A query parameter that makes no sense; answered with a 400 problem naming it. */
public class BadQuery extends RuntimeException {

    private final String parameter;

    public BadQuery(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
