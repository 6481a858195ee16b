package dk.sagsspor.command.security;

/** The user is not a secretary of the committee whose meeting or item the request would change. */
public class NotYourCommittee extends RuntimeException {

    private final String committee;

    public NotYourCommittee(String user, String committee) {
        super(user + " is not a secretary of " + committee + " and cannot change its meetings or items");
        this.committee = committee;
    }

    public String committee() {
        return committee;
    }
}
