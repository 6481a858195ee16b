package dk.sagsspor.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.sagsspor.query.web.OParlList.PageRequest;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void refusesAPageSoFarOutThatItsOffsetWouldOverflowNamingThePage() {
        // page=2147483647 with 100 a page made a negative OFFSET: PostgreSQL refused it and the client got a 500
        assertThatThrownBy(() -> new PageRequest(Integer.MAX_VALUE, 100))
                .isInstanceOfSatisfying(
                        BadQuery.class, e -> assertThat(e.parameter()).isEqualTo("page"))
                .hasMessageContaining("1,000,000");
    }

    @Test
    void countsTheOffsetOfTheLastAllowedPageWithoutOverflow() {
        assertThat(new PageRequest(PageRequest.MAX_PAGE, 500).offset()).isEqualTo(499_999_500L);
    }
}
