package dk.sagsspor.command.imports;

/** The document is not minutes the importer can read (e.g. a bundle of appendices); nothing is invented from it. */
public class NotMinutes extends RuntimeException {

    public NotMinutes(String why) {
        super(why);
    }
}
