package com.unsubscribesync.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Marketo Sales Opt Out field chosen in an org without the Marketo Sales Insight package. */
class PackageNotInstalledTest {
    @TempDir
    Path dataDirectory;

    @Test
    void theMissingPackageIsReportedWithWhatToDoAndNothingIsInstalled() throws Exception {
        try (LayoutHarness harness = new LayoutHarness(dataDirectory, options -> options.withPackage(false))) {
            harness.settings(s -> s.withField(OptOutField.MARKETO_SALES_OPT_OUT));
            ObjectLayouts contact =
                    harness.layouts.inspect().of(SObjectType.CONTACT).orElseThrow();
            assertThat(contact.visibility()).isEqualTo(FieldVisibility.PACKAGE_NOT_INSTALLED);
            assertThat(contact.fieldApiName()).isEmpty();
            assertThat(contact.problem())
                    .hasValueSatisfying(p ->
                            assertThat(p).contains("install the Marketo Sales Insight package from the AppExchange"));
            assertThat(contact.layouts()).isNotEmpty().noneMatch(LayoutState::present);
            assertThat(harness.layouts.askYourAdmin(SObjectType.CONTACT)).contains("Marketo Sales Insight package");

            assertThatThrownBy(() -> harness.layouts.install(SObjectType.CONTACT, Optional.empty(), false))
                    .isInstanceOfSatisfying(LayoutException.class, e -> {
                        assertThat(e.reason()).isEqualTo(LayoutException.Reason.FIELD_UNAVAILABLE);
                        assertThat(e.getMessage()).contains("Marketo Sales Insight");
                    });
        }
    }
}
