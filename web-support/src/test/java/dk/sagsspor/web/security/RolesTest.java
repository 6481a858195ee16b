package dk.sagsspor.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void aSecretaryIsAReaderWhoActsForTheirCommitteeOnly() {
        Set<String> secretary = Roles.authorities(List.of("secretary:KKR Nordjylland"), true);

        assertThat(secretary).containsExactly("ROLE_SECRETARY", "ROLE_READER", "COMMITTEE_KKR Nordjylland");
        assertThat(Roles.actsFor(secretary, "KKR Nordjylland")).isTrue();
        assertThat(Roles.actsFor(secretary, "KKR Midtjylland")).isFalse();
        assertThat(Roles.committees(secretary)).containsExactly("KKR Nordjylland");
        assertThat(Roles.seesEveryClosedItem(secretary)).isFalse();
    }

    @Test
    void everyCommitteesSecretaryAndAnAdminSeeEveryClosedItem() {
        Set<String> all = Roles.authorities(List.of("secretary:*"), true);
        Set<String> admin = Roles.authorities(List.of("admin"), true);

        assertThat(Roles.actsFor(all, "KKR Syddanmark")).isTrue();
        assertThat(Roles.seesEveryClosedItem(all)).isTrue();
        assertThat(admin).containsExactly("ROLE_ADMIN", "ROLE_READER");
        assertThat(Roles.actsFor(admin, "KKR Syddanmark"))
                .as("admin is not a secretary")
                .isFalse();
        assertThat(Roles.seesEveryClosedItem(admin)).isTrue();
    }

    @Test
    void anAuditorReadsButActsForNoCommitteeAndSeesNoClosedItem() {
        Set<String> auditor = Roles.authorities(List.of("auditor"), true);

        assertThat(auditor).containsExactly("ROLE_AUDITOR", "ROLE_READER");
        assertThat(Roles.actsFor(auditor, "KKR Nordjylland")).isFalse();
        assertThat(Roles.seesEveryClosedItem(auditor)).isFalse();
    }

    @Test
    void unknownRolesStopAConfigurationButAreIgnoredInATokensClaim() {
        assertThatThrownBy(() -> Roles.authorities(List.of("reeder"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reeder");
        assertThat(Roles.authorities(List.of("offline_access", "reader", "secretary:"), false))
                .containsExactly("ROLE_READER");
    }
}
