package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.Layout;
import com.sforce.soap.metadata.LayoutColumn;
import com.sforce.soap.metadata.LayoutItem;
import com.sforce.soap.metadata.LayoutSection;
import com.sforce.soap.metadata.LayoutSectionStyle;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.metadata.SaveResult;
import com.sforce.soap.metadata.StatusCode;
import com.sforce.soap.metadata.UiBehavior;
import com.sforce.soap.metadata.UpsertResult;
import com.sforce.ws.SoapFaultException;
import com.unsubscribesync.localorg.state.Permission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetadataLayoutTest {
    private LocalOrg org;
    private MetadataConnection mc;

    @BeforeEach
    void start() throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10));
        mc = Clients.metadata(org);
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void listsLayoutsOfBothObjects() throws Exception {
        ListMetadataQuery query = new ListMetadataQuery();
        query.setType("Layout");
        FileProperties[] layouts = mc.listMetadata(new ListMetadataQuery[] {query}, 65.0);
        assertThat(layouts)
                .extracting(FileProperties::getFullName)
                .contains(
                        "Contact-Contact Layout",
                        "Lead-Lead Layout",
                        "Contact-Marketing Contact Layout",
                        "Lead-Sales Lead Layout");
        assertThat(layouts[0].getFileName()).isEqualTo("layouts/" + layouts[0].getFullName() + ".layout");
        assertThat(layouts[0].getId()).startsWith("00h");
    }

    @Test
    void aLayoutReadModifyWriteAddsTheOptOutAndReadsBack() throws Exception {
        Layout layout = read("Contact-Contact Layout");
        assertThat(fieldsOn(layout)).doesNotContain("HasOptedOutOfEmail").contains("Name", "Email");
        LayoutItem item = new LayoutItem();
        item.setField("HasOptedOutOfEmail");
        item.setBehavior(UiBehavior.Edit);
        LayoutColumn column = layout.getLayoutSections()[0].getLayoutColumns()[1];
        List<LayoutItem> items = new ArrayList<>(Arrays.asList(column.getLayoutItems()));
        items.add(item);
        column.setLayoutItems(items.toArray(new LayoutItem[0]));
        SaveResult saved = mc.updateMetadata(new Metadata[] {layout})[0];
        assertThat(saved.isSuccess()).isTrue();
        assertThat(saved.getFullName()).isEqualTo("Contact-Contact Layout");
        Layout again = read("Contact-Contact Layout");
        assertThat(fieldsOn(again)).contains("HasOptedOutOfEmail", "Name", "Email", "Title", "Phone");
        assertThat(again.getLayoutSections()).hasSameSizeAs(layout.getLayoutSections());
    }

    @Test
    void aMissingLayoutReadsAsNull() throws Exception {
        Metadata[] records = mc.readMetadata("Layout", new String[] {"Contact-No Such Layout", "Lead-Lead Layout"})
                .getRecords();
        assertThat(records[0]).isNull();
        assertThat(records[1].getFullName()).isEqualTo("Lead-Lead Layout");
    }

    @Test
    void readingMoreThanTenNamesIsRefusedWithExceededIdLimitInAFaultWithoutDetail() {
        String[] names = new String[11];
        Arrays.fill(names, "Lead-Lead Layout");
        // A fault with a detail would fail force-wsc's parsing (the metadata jar has no fault classes).
        assertThatThrownBy(() -> mc.readMetadata("Layout", names))
                .isInstanceOfSatisfying(
                        SoapFaultException.class,
                        fault -> assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("EXCEEDED_ID_LIMIT"));
        assertThatCode(() -> mc.readMetadata("Layout", Arrays.copyOf(names, 10)))
                .doesNotThrowAnyException();
    }

    @Test
    void aPackagedLayoutIsListedWithoutItsNamespaceAndReadAndSavedOnlyWithIt() throws Exception {
        ListMetadataQuery query = new ListMetadataQuery();
        query.setType("Layout");
        FileProperties[] listed = mc.listMetadata(new ListMetadataQuery[] {query}, 62.0);
        assertThat(listed)
                .filteredOn(f -> f.getNamespacePrefix() != null)
                .extracting(
                        FileProperties::getFullName,
                        FileProperties::getNamespacePrefix,
                        FileProperties::getManageableState)
                .containsExactlyInAnyOrder(
                        tuple(
                                "Contact-MSI Contact Layout",
                                "mkto_si",
                                com.sforce.soap.metadata.ManageableState.installed),
                        tuple("Lead-MSI Lead Layout", "mkto_si", com.sforce.soap.metadata.ManageableState.installed));
        assertThat(listed)
                .filteredOn(f -> f.getNamespacePrefix() == null)
                .allMatch(f -> f.getManageableState() == com.sforce.soap.metadata.ManageableState.unmanaged);

        Metadata[] byListedName = mc.readMetadata("Layout", new String[] {"Contact-MSI Contact Layout"})
                .getRecords();
        assertThat(byListedName[0]).isNull();
        Layout packaged = read("Contact-mkto_si__MSI Contact Layout");
        assertThat(packaged.getFullName()).isEqualTo("Contact-mkto_si__MSI Contact Layout");
        assertThat(fieldsOn(packaged))
                .contains("Email", "mkto_si__Marketo_Sales_Opt_Out__c")
                .doesNotContain("HasOptedOutOfEmail");

        LayoutItem item = new LayoutItem();
        item.setField("HasOptedOutOfEmail");
        item.setBehavior(UiBehavior.Edit);
        LayoutColumn column = packaged.getLayoutSections()[0].getLayoutColumns()[1];
        List<LayoutItem> items = new ArrayList<>(Arrays.asList(column.getLayoutItems()));
        items.add(item);
        column.setLayoutItems(items.toArray(new LayoutItem[0]));
        packaged.setFullName("Contact-MSI Contact Layout");
        SaveResult unprefixed = mc.updateMetadata(new Metadata[] {packaged})[0];
        assertThat(unprefixed.isSuccess()).isFalse();
        assertThat(unprefixed.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_CROSS_REFERENCE_KEY);
        packaged.setFullName("Contact-mkto_si__MSI Contact Layout");
        assertThat(mc.updateMetadata(new Metadata[] {packaged})[0].isSuccess()).isTrue();
        assertThat(fieldsOn(read("Contact-mkto_si__MSI Contact Layout"))).contains("HasOptedOutOfEmail");
    }

    @Test
    void withoutThePackageThereAreNoPackagedLayouts() throws Exception {
        try (LocalOrg bare =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(0).withPackage(false))) {
            ListMetadataQuery query = new ListMetadataQuery();
            query.setType("Layout");
            assertThat(Clients.metadata(bare).listMetadata(new ListMetadataQuery[] {query}, 62.0))
                    .isNotEmpty()
                    .allMatch(f -> f.getNamespacePrefix() == null);
        }
    }

    @Test
    void unknownFieldsDuplicatesAndRequiredCheckboxesAreRefused() throws Exception {
        Layout unknown = read("Lead-Lead Layout");
        unknown.getLayoutSections()[0].getLayoutColumns()[0].getLayoutItems()[0].setField("Foo__c");
        SaveResult first = mc.updateMetadata(new Metadata[] {unknown})[0];
        assertThat(first.isSuccess()).isFalse();
        assertThat(first.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_CROSS_REFERENCE_KEY);

        Layout duplicate = read("Lead-Lead Layout");
        LayoutItem[] items = duplicate.getLayoutSections()[0].getLayoutColumns()[0].getLayoutItems();
        items[1].setField(items[0].getField());
        assertThat(mc.updateMetadata(new Metadata[] {duplicate})[0].getErrors()[0].getStatusCode())
                .isEqualTo(StatusCode.DUPLICATE_VALUE);

        Layout required = read("Lead-Lead Layout");
        for (LayoutSection section : required.getLayoutSections()) {
            for (LayoutColumn column : section.getLayoutColumns()) {
                for (LayoutItem item : column.getLayoutItems() == null ? new LayoutItem[0] : column.getLayoutItems()) {
                    if ("HasOptedOutOfEmail".equals(item.getField())) {
                        item.setBehavior(UiBehavior.Required);
                    }
                }
            }
        }
        assertThat(mc.updateMetadata(new Metadata[] {required})[0].getErrors()[0].getStatusCode())
                .isEqualTo(StatusCode.FIELD_INTEGRITY_EXCEPTION);
        assertThat(fieldsOn(read("Lead-Lead Layout"))).doesNotContain("Foo__c");
    }

    @Test
    void upsertCreatesANewLayoutAndUpdateReplacesItWhole() throws Exception {
        Layout layout = new Layout();
        layout.setFullName("Contact-Partner Contact Layout");
        LayoutSection section = new LayoutSection();
        section.setLabel("Partner");
        section.setStyle(LayoutSectionStyle.OneColumn);
        LayoutColumn column = new LayoutColumn();
        LayoutItem name = new LayoutItem();
        name.setField("Name");
        name.setBehavior(UiBehavior.Required);
        column.setLayoutItems(new LayoutItem[] {name});
        section.setLayoutColumns(new LayoutColumn[] {column});
        layout.setLayoutSections(new LayoutSection[] {section});
        UpsertResult created = mc.upsertMetadata(new Metadata[] {layout})[0];
        assertThat(created.isSuccess()).isTrue();
        assertThat(created.isCreated()).isTrue();
        assertThat(mc.upsertMetadata(new Metadata[] {layout})[0].isCreated()).isFalse();
        assertThat(fieldsOn(read("Contact-Partner Contact Layout"))).containsExactly("Name");

        Layout missing = new Layout();
        missing.setFullName("Contact-Never Made");
        assertThat(mc.updateMetadata(new Metadata[] {missing})[0].isSuccess()).isFalse();
    }

    @Test
    void withoutModifyAllDataOrModifyMetadataTheMetadataApiIsRefused() throws Exception {
        org.state().setPermission(Permission.MODIFY_ALL_DATA, false);
        org.state().setPermission(Permission.MODIFY_METADATA, false);
        assertThatThrownBy(() -> read("Lead-Lead Layout")).isInstanceOfSatisfying(SoapFaultException.class, fault -> {
            assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("INSUFFICIENT_ACCESS");
            assertThat(fault.getMessage()).contains("ModifyAllData");
        });
        assertThat(Clients.partner(org)
                        .query("SELECT PermissionsModifyAllData, PermissionsModifyMetadata FROM"
                                + " UserPermissionAccess")
                        .getRecords()[0]
                        .getField("PermissionsModifyAllData"))
                .isEqualTo("false");
        org.state().setPermission(Permission.MODIFY_METADATA, true);
        assertThat(read("Lead-Lead Layout").getFullName()).isEqualTo("Lead-Lead Layout");
    }

    @Test
    void withModifyMetadataButWithoutCustomizeApplicationALayoutIsReadButNotSaved() throws Exception {
        org.state().setPermission(Permission.CUSTOMIZE_APPLICATION, false);
        Layout layout = read("Lead-Lead Layout");
        assertThat(layout.getFullName()).isEqualTo("Lead-Lead Layout");
        assertThatThrownBy(() -> mc.updateMetadata(new Metadata[] {layout}))
                .isInstanceOfSatisfying(SoapFaultException.class, fault -> {
                    assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("INSUFFICIENT_ACCESS");
                    assertThat(fault.getMessage()).contains("Customize Application");
                });
        org.state().setPermission(Permission.CUSTOMIZE_APPLICATION, true);
        assertThat(mc.updateMetadata(new Metadata[] {layout})[0].isSuccess()).isTrue();
    }

    @Test
    void anExpiredSessionIsAMetadataFaultWithoutDetail() throws Exception {
        org.expireSessions();
        assertThatThrownBy(() -> read("Lead-Lead Layout"))
                .isInstanceOfSatisfying(
                        SoapFaultException.class,
                        fault -> assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("INVALID_SESSION_ID"));
    }

    private Layout read(String fullName) throws Exception {
        return (Layout) mc.readMetadata("Layout", new String[] {fullName}).getRecords()[0];
    }

    private static List<String> fieldsOn(Layout layout) {
        List<String> fields = new ArrayList<>();
        for (LayoutSection section : layout.getLayoutSections()) {
            for (LayoutColumn column : section.getLayoutColumns()) {
                if (column.getLayoutItems() != null) {
                    for (LayoutItem item : column.getLayoutItems()) {
                        fields.add(item.getField());
                    }
                }
            }
        }
        return fields;
    }
}
