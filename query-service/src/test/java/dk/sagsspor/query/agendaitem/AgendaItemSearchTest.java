package dk.sagsspor.query.agendaitem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgendaItemSearchTest {

    @Test
    void searchesEveryWordAsAStemmedPrefix() {
        assertThat(AgendaItemSearch.prefixQuery("erhvervsfremme")).isEqualTo("erhvervsfremme:*");
        assertThat(AgendaItemSearch.prefixQuery("Social- og Boligstyrelsen 2025"))
                .isEqualTo("social:* & og:* & boligstyrelsen:* & 2025:*");
    }

    @Test
    void dropsEverythingThatCouldBreakTheQuerySyntax() {
        assertThat(AgendaItemSearch.prefixQuery("a & b | !c:* <-> 'd'")).isEqualTo("a:* & b:* & c:* & d:*");
        assertThat(AgendaItemSearch.prefixQuery(" ' ) ( & ")).isNull();
        assertThat(AgendaItemSearch.prefixQuery(null)).isNull();
    }

    @Test
    void keepsDanishLetters() {
        assertThat(AgendaItemSearch.prefixQuery("børne- og ungeområdet")).isEqualTo("børne:* & og:* & ungeområdet:*");
        assertThat(AgendaItemSearch.prefixQuery("ÆLDRE Ærø ØKONOMI")).isEqualTo("ældre:* & ærø:* & økonomi:*");
    }
}
