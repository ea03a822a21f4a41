package com.unsubscribesync.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the layout checks cost in API calls, counted by the local org behind the real force-wsc client. */
class LayoutReadsCostTest {
    /** A check reads describe, permissions, one listing of both objects and the layouts (ten a call). */
    private static final int A_FEW = 4;

    @TempDir
    Path dataDirectory;

    private LayoutHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new LayoutHarness(dataDirectory, options -> options);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private int callsDuring(Runnable work) {
        int before = harness.org.apiCallsUsed();
        work.run();
        return harness.org.apiCallsUsed() - before;
    }

    @Test
    void anExplicitCheckCostsAFewCallsAndSaysHowManyAndLookingAgainCostsNone() {
        int first = callsDuring(harness.layouts::inspect);
        assertThat(first)
                .as("the first look also asks once whether the org is a sandbox")
                .isLessThanOrEqualTo(A_FEW + 1);
        assertThat(callsDuring(harness.layouts::inspect)).isZero();

        Inspection[] checked = new Inspection[1];
        int check = callsDuring(() -> checked[0] = harness.layouts.inspectNow());
        assertThat(check).isLessThanOrEqualTo(A_FEW);
        assertThat(checked[0].apiCalls()).isEqualTo(check);
        assertThat(callsDuring(() -> harness.layouts.inspectNow())).isLessThanOrEqualTo(A_FEW);
    }

    @Test
    void changingTheFieldSettingBackAndForthCostsOneDescribeAtMost() {
        harness.layouts.inspect();
        harness.settings(s -> s.withField(OptOutField.MARKETO_SALES_OPT_OUT));
        assertThat(callsDuring(harness.layouts::inspect)).isLessThanOrEqualTo(1);
        harness.settings(s -> s.withField(OptOutField.EMAIL_OPT_OUT));
        assertThat(callsDuring(harness.layouts::inspect)).isZero();
        harness.settings(s -> s.withField(OptOutField.MARKETO_SALES_OPT_OUT));
        assertThat(callsDuring(harness.layouts::inspect)).isZero();
    }

    @Test
    void aChangeReadsItsLayoutsFreshAndTheLookAfterItCostsNothing() {
        harness.layouts.inspect();
        int install = callsDuring(() -> harness.layouts.install(SObjectType.CONTACT, List.of("Contact Layout"), false));
        assertThat(install).as("read before, save, read back").isEqualTo(3);
        Inspection[] after = new Inspection[1];
        assertThat(callsDuring(() -> after[0] = harness.layouts.inspect())).isZero();
        assertThat(after[0].of(SObjectType.CONTACT).orElseThrow().layouts())
                .filteredOn(l -> l.fullName().equals("Contact-Contact Layout"))
                .singleElement()
                .satisfies(l -> assertThat(l.present()).isTrue());

        assertThat(callsDuring(() -> harness.layouts.undo(SObjectType.CONTACT, "Contact Layout", false)))
                .as("read before, restore, read back")
                .isEqualTo(3);
        assertThat(harness.layouts
                        .inspect()
                        .of(SObjectType.CONTACT)
                        .orElseThrow()
                        .layouts())
                .filteredOn(l -> l.fullName().equals("Contact-Contact Layout"))
                .singleElement()
                .satisfies(l -> assertThat(l.present()).isFalse());
    }

    @Test
    void theOrgSaysWhetherItIsASandboxThroughOrganizationIsSandbox() {
        assertThat(harness.salesforce.records().isSandbox()).contains(false);
        harness.org.state().setSandbox(true);
        assertThat(harness.salesforce.records().isSandbox()).contains(true);
        assertThat(harness.layouts.inspectNow().production()).isFalse();
    }
}
