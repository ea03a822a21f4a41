package com.unsubscribesync.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.SObjectType;
import org.junit.jupiter.api.Test;

class SetupLinksTest {
    @Test
    void aMyDomainInstanceOpensSetupOnItsLightningDomain() {
        assertThat(new SetupLinks("https://acme.my.salesforce.com").pageLayouts(SObjectType.CONTACT))
                .isEqualTo("https://acme.lightning.force.com/lightning/setup/ObjectManager/Contact/PageLayouts/view");
        assertThat(new SetupLinks("https://acme--uat.sandbox.my.salesforce.com/")
                        .pageLayout(SObjectType.LEAD, "00h000000000001AAA"))
                .isEqualTo("https://acme--uat.sandbox.lightning.force.com/lightning/setup/"
                        + "ObjectManager/Lead/PageLayouts/00h000000000001AAA/view");
    }

    @Test
    void anyOtherInstanceIsUsedAsItIs() {
        assertThat(new SetupLinks("http://127.0.0.1:8443").pageLayouts(SObjectType.LEAD))
                .isEqualTo("http://127.0.0.1:8443/lightning/setup/ObjectManager/Lead/PageLayouts/view");
        assertThat(new SetupLinks("https://na1.salesforce.com").pageLayout(SObjectType.LEAD, ""))
                .isEqualTo("https://na1.salesforce.com/lightning/setup/ObjectManager/Lead/PageLayouts/view");
    }
}
