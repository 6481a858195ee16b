package dk.sagsspor.command.agendaitem;

import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgendaItemTest {

    private AggregateTestFixture<AgendaItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgendaItem.class);
    }

    @Test
    void proposingRecordsEveryPartOfTheItem() {
        fixture.givenNoPriorActivity()
                .when(new ProposeAgendaItem(
                        "item-1",
                        "KKR Nordjylland",
                        "Godkendelse af referat",
                        "SAG-2025-00681",
                        List.of("haan", "hast"),
                        "Baggrund",
                        "Indstilling",
                        null,
                        List.of("bilag.pdf")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgendaItemProposed(
                        "item-1",
                        "KKR Nordjylland",
                        "Godkendelse af referat",
                        "SAG-2025-00681",
                        List.of("haan", "hast"),
                        "Baggrund",
                        "Indstilling",
                        null,
                        List.of("bilag.pdf")));
    }
}
