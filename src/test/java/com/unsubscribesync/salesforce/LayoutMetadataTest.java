package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.localorg.state.Permission;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page-layouts port, through force-wsc's Metadata connection against the local org. */
class LayoutMetadataTest extends OnLocalOrg {
    @Test
    void layoutsAreListedPerObjectWithTheOrgsNamesAndIds() {
        List<ListedLayout> contact = org.layouts().listLayouts(SObjectType.CONTACT);
        List<ListedLayout> lead = org.layouts().listLayouts(SObjectType.LEAD);
        assertThat(contact)
                .extracting(ListedLayout::fullName)
                .containsExactly(
                        "Contact-Contact Layout",
                        "Contact-Marketing Contact Layout",
                        "Contact-mkto_si__MSI Contact Layout");
        assertThat(lead)
                .extracting(ListedLayout::fullName)
                .contains("Lead-Lead Layout", "Lead-Sales Lead Layout", "Lead-Lead %28Marketing%29 Layout")
                .allMatch(name -> name.startsWith("Lead-"));
        assertThat(contact).allMatch(layout -> layout.id().startsWith("00h"));
        assertThat(ListedLayout.label("Lead-Lead %28Marketing%29 Layout")).isEqualTo("Lead (Marketing) Layout");
    }

    @Test
    void aPackagedLayoutIsListedUnderTheNameItIsReadBy() {
        ListedLayout packaged = org.layouts().listLayouts(SObjectType.LEAD).stream()
                .filter(layout -> layout.namespacePrefix().isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(packaged.fullName()).isEqualTo("Lead-mkto_si__MSI Lead Layout");
        assertThat(packaged.namespacePrefix()).contains("mkto_si");
        assertThat(packaged.label()).isEqualTo("MSI Lead Layout (mkto_si)");
        assertThat(packaged.isNamed("msi lead layout", "Lead")).isTrue();
        assertThat(packaged.isNamed("MSI Lead Layout (mkto_si)", "Lead")).isTrue();
        assertThat(packaged.isNamed("mkto_si__MSI Lead Layout", "Lead")).isTrue();
        assertThat(org.layouts().readLayouts(List.of(packaged.fullName())))
                .singleElement()
                .satisfies(layout -> assertThat(layout.fullName()).isEqualTo(packaged.fullName()));
    }

    @Test
    void aListedNameIsGivenItsNamespaceOnlyWhereItLacksIt() {
        assertThat(ListedLayout.fromListing("Contact-MSI Contact Layout", "00h", Optional.of("mkto_si"))
                        .fullName())
                .isEqualTo("Contact-mkto_si__MSI Contact Layout");
        assertThat(ListedLayout.fromListing("Contact-mkto_si__MSI Contact Layout", "00h", Optional.of("mkto_si"))
                        .fullName())
                .isEqualTo("Contact-mkto_si__MSI Contact Layout");
        assertThat(ListedLayout.fromListing("Contact-Contact Layout", "00h", Optional.of(""))
                        .fullName())
                .isEqualTo("Contact-Contact Layout");
        assertThat(ListedLayout.fromListing("Contact-Contact Layout", "00h", Optional.empty())
                        .namespacePrefix())
                .isEmpty();
    }

    @Test
    void aLayoutIsReadWholeAndUnknownNamesAreLeftOut() {
        List<PageLayout> read = org.layouts().readLayouts(List.of("Lead-Lead Layout", "Lead-No Such Layout"));
        assertThat(read).singleElement().satisfies(layout -> {
            assertThat(layout.fullName()).isEqualTo("Lead-Lead Layout");
            assertThat(layout.sections())
                    .extracting(PageLayout.Section::label)
                    .containsExactly("Lead Information", "Email Preferences");
            assertThat(layout.itemFor("hasoptedoutofemail"))
                    .hasValueSatisfying(item -> assertThat(item.behavior()).contains("Edit"));
            assertThat(layout.document()).contains("<showHighlightsPanel>false</showHighlightsPanel>");
        });
    }

    @Test
    void moreThanTenLayoutsAreReadInSeveralCalls() {
        List<String> names = java.util.Collections.nCopies(12, "Contact-Contact Layout");
        long before = org.records().callsMade();
        assertThat(org.layouts().readLayouts(names)).hasSize(12);
        assertThat(org.records().callsMade() - before).isEqualTo(2);
    }

    @Test
    void addingTheFieldAndRestoringGivesBackTheLayoutAsTheOrgReturnedIt() {
        PageLayout original =
                org.layouts().readLayouts(List.of("Contact-Contact Layout")).get(0);
        assertThat(original.itemFor("HasOptedOutOfEmail")).isEmpty();

        PageLayout saved = org.layouts().addField(original, new FieldPlacement("HasOptedOutOfEmail", 0, 1, 1));
        PageLayout reread =
                org.layouts().readLayouts(List.of("Contact-Contact Layout")).get(0);
        assertThat(reread.document()).isEqualTo(saved.document());
        assertThat(reread.sections().get(0).columns().get(1))
                .extracting(item -> item.field().orElseThrow())
                .containsExactly("Email", "HasOptedOutOfEmail", "Phone");

        org.layouts().restoreLayout(original.fullName(), original.document());
        assertThat(org.layouts()
                        .readLayouts(List.of("Contact-Contact Layout"))
                        .get(0)
                        .document())
                .isEqualTo(original.document());
    }

    @Test
    void aSaveTheOrgRefusesNamesItsStatusCode() {
        PageLayout lead = org.layouts().readLayouts(List.of("Lead-Lead Layout")).get(0);
        assertThatThrownBy(() -> org.layouts().addField(lead, new FieldPlacement("HasOptedOutOfEmail", 0, 0, 0)))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.statusCode()).contains("DUPLICATE_VALUE");
                    assertThat(e.getMessage()).contains("Lead-Lead Layout").contains("unchanged");
                });
    }

    @Test
    void permissionsComeFromUserPermissionAccess() {
        assertThat(org.layouts().layoutPermissions().canModifyLayouts()).isTrue();
        local.state().setPermission(Permission.MODIFY_ALL_DATA, false);
        local.state().setPermission(Permission.MODIFY_METADATA, false);
        LayoutPermissions without = org.layouts().layoutPermissions();
        assertThat(without.canModifyLayouts()).isFalse();
        assertThat(without.modifyAllData()).isFalse();
        local.state().setPermission(Permission.MODIFY_METADATA, true);
        assertThat(org.layouts().layoutPermissions().canModifyLayouts()).isTrue();
    }

    @Test
    void withoutThePermissionTheMetadataApiRefusesWithInsufficientAccess() {
        local.state().setPermission(Permission.MODIFY_ALL_DATA, false);
        local.state().setPermission(Permission.MODIFY_METADATA, false);
        assertThatThrownBy(() -> org.layouts().listLayouts(SObjectType.CONTACT))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
                    assertThat(e.statusCode()).contains("INSUFFICIENT_ACCESS");
                    assertThat(e.getMessage()).containsOnlyOnce("INSUFFICIENT_ACCESS");
                });
    }
}
