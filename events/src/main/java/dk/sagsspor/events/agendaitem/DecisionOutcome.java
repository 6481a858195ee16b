package dk.sagsspor.events.agendaitem;

/** The closed list of what a committee can decide about an item, with the words the minutes use. */
public enum DecisionOutcome {
    APPROVED("Godkendt"),
    APPROVED_WITH_CHANGES("Godkendt med ændringer"),
    NOTED("Taget til efterretning"),
    REJECTED("Ikke godkendt"),
    DELEGATED("Delegeret");

    private final String danish;

    DecisionOutcome(String danish) {
        this.danish = danish;
    }

    /** The outcome as the minutes write it, e.g. "Taget til efterretning". */
    public String danish() {
        return danish;
    }
}
