package dk.sagsspor.events.meeting;

/** One line of an agenda: the item, its number ("3.1") and the section it stands under ("Regionalpolitiske sager"). */
public record AgendaEntry(String agendaItemId, String number, String section) {}
