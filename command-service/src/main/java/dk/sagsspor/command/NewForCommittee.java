package dk.sagsspor.command;

/**
 * A command that creates an aggregate of the committee it names (a meeting, an item): who may send it is decided by
 * that committee, since there is no event yet to read it from.
 */
public interface NewForCommittee {

    /** The committee the new aggregate belongs to. */
    String committee();
}
