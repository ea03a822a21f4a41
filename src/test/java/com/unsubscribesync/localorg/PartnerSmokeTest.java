package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import org.junit.jupiter.api.Test;

class PartnerSmokeTest {
    @Test
    void answersUserInfoAndAQuery() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(100))) {
            PartnerConnection pc = Clients.partner(org);
            assertThat(pc.getUserInfo().getUserName()).isEqualTo(org.username());
            QueryResult result = pc.query("SELECT Id, Email, HasOptedOutOfEmail, ConvertedContact.Email FROM Lead");
            assertThat(result.getSize()).isEqualTo(39);
            assertThat(result.getRecords()[0].getId()).startsWith("00Q");
            assertThat(pc.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(2);
        }
    }
}
