package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import com.unsubscribesync.localorg.state.SeedSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerQueryTest {
    private LocalOrg org;
    private PartnerConnection pc;
    private SeedSummary seeded;

    @BeforeAll
    void start() throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(9000).withSeed(7));
        pc = Clients.partner(org);
        seeded = org.state().seeded().orElseThrow();
    }

    @AfterAll
    void stop() {
        org.close();
    }

    @Test
    void pagesOverMoreThan5000RowsInBatchesOf200() throws Exception {
        pc.setQueryOptions(200);
        QueryResult page = pc.query("SELECT Id, Email FROM Contact");
        int total = page.getSize();
        assertThat(total).isEqualTo(org.state().count("Contact")).isGreaterThan(5000);
        Set<String> ids = new HashSet<>();
        int pages = 0;
        while (true) {
            pages++;
            assertThat(page.getSize()).isEqualTo(total);
            assertThat(page.getRecords().length).isLessThanOrEqualTo(200);
            for (SObject record : page.getRecords()) {
                ids.add(record.getId());
            }
            if (page.isDone()) {
                assertThat(page.getQueryLocator()).isNull();
                break;
            }
            assertThat(page.getRecords()).hasSize(200);
            page = pc.queryMore(page.getQueryLocator());
        }
        assertThat(ids).hasSize(total);
        assertThat(pages).isEqualTo((total + 199) / 200);
        pc.clearQueryOptions();
    }

    @Test
    void batchSizeDefaultsTo500AndIsHeldBetween200And2000() throws Exception {
        pc.clearQueryOptions();
        assertThat(pc.query("SELECT Id FROM Contact").getRecords()).hasSize(500);
        pc.setQueryOptions(10);
        assertThat(pc.query("SELECT Id FROM Contact").getRecords()).hasSize(200);
        pc.setQueryOptions(5000);
        assertThat(pc.query("SELECT Id FROM Contact").getRecords()).hasSize(2000);
        pc.clearQueryOptions();
    }

    @Test
    void recordsCarryTheirIdTwiceAndScalarsAsStrings() throws Exception {
        QueryResult result = pc.query("SELECT Id, Email, HasOptedOutOfEmail, SystemModstamp FROM Contact LIMIT 1");
        SObject record = result.getRecords()[0];
        assertThat(record.getId()).hasSize(18).startsWith("003");
        assertThat(record.getField("Id")).isEqualTo(record.getId());
        assertThat(record.getField("HasOptedOutOfEmail")).isIn("true", "false");
        assertThat((String) record.getField("SystemModstamp"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        List<String> names = new ArrayList<>();
        record.getChildren().forEachRemaining(child -> names.add(child.getName().getLocalPart()));
        assertThat(names).containsExactly("type", "Id", "Id", "Email", "HasOptedOutOfEmail", "SystemModstamp");
    }

    @Test
    void anUnselectedIdIsNilAndNullFieldsAreNil() throws Exception {
        SObject record = pc.query("SELECT Email, ConvertedDate FROM Lead WHERE IsConverted = false LIMIT 1")
                .getRecords()[0];
        assertThat(record.getId()).isNull();
        assertThat(record.getField("ConvertedDate")).isNull();
    }

    @Test
    void followsOneLevelRelationships() throws Exception {
        SObject lead = pc.query("SELECT Id, Email, ConvertedContactId, ConvertedContact.Email,"
                        + " ConvertedContact.LastName FROM Lead WHERE Id = '" + seeded.convertedLeadId() + "'")
                .getRecords()[0];
        XmlObject contact = (XmlObject) lead.getField("ConvertedContact");
        assertThat(contact.getField("Email")).isEqualTo(lead.getField("Email"));
        assertThat(lead.getField("ConvertedContactId")).asString().startsWith("003");
        SObject unconverted = pc.query("SELECT Id, ConvertedContact.Email FROM Lead WHERE IsConverted = false LIMIT 1")
                .getRecords()[0];
        assertThat(unconverted.getField("ConvertedContact")).isNull();
    }

    @Test
    void filtersWithBooleansNullsInLikeAndParentheses() throws Exception {
        int optedOut = pc.query("SELECT COUNT() FROM Contact WHERE HasOptedOutOfEmail = true")
                .getSize();
        int notOptedOut = pc.query("SELECT COUNT() FROM Contact WHERE NOT HasOptedOutOfEmail = true")
                .getSize();
        assertThat(optedOut).isPositive();
        assertThat(optedOut + notOptedOut).isEqualTo(org.state().count("Contact"));

        String email = seeded.sharedEmail();
        QueryResult both =
                pc.query("SELECT Id FROM Lead WHERE Email IN ('nobody@example.com', '" + email.toUpperCase() + "')");
        assertThat(both.getSize()).isPositive();
        QueryResult like = pc.query("SELECT Id, Email FROM Contact WHERE Email LIKE '%.lead.%' OR Email = null");
        assertThat(like.getSize()).isZero();
        QueryResult grouped = pc.query("SELECT Id FROM Lead WHERE (IsConverted = false AND Email != null)"
                + " AND (HasOptedOutOfEmail = true OR Title = 'O\\'Hara')");
        assertThat(grouped.getSize()).isPositive();
        assertThat(pc.query("SELECT Id FROM Contact WHERE LastName = 'O\\'Brien\\\\x'")
                        .getSize())
                .isZero();
    }

    @Test
    void comparesDateTimesAndOrdersAndLimits() throws Exception {
        QueryResult recent = pc.query("SELECT Id, SystemModstamp FROM Contact WHERE SystemModstamp > "
                + "2000-01-01T00:00:00Z ORDER BY SystemModstamp DESC, Id LIMIT 5");
        assertThat(recent.getRecords()).hasSize(5);
        List<String> stamps = new ArrayList<>();
        for (SObject record : recent.getRecords()) {
            stamps.add((String) record.getField("SystemModstamp"));
        }
        assertThat(stamps).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(pc.query("SELECT Id FROM Contact WHERE SystemModstamp > 2999-01-01T00:00:00.000+01:00")
                        .getSize())
                .isZero();
    }

    @Test
    void queryAllShowsTheMergedRecordWithItsMaster() throws Exception {
        String where = " FROM Contact WHERE Id = '" + seeded.mergedLoserId() + "'";
        assertThat(pc.query("SELECT Id" + where).getSize()).isZero();
        SObject loser =
                pc.queryAll("SELECT Id, IsDeleted, MasterRecordId" + where).getRecords()[0];
        assertThat(loser.getField("IsDeleted")).isEqualTo("true");
        assertThat(loser.getField("MasterRecordId")).isEqualTo(seeded.mergedWinnerId());
    }

    @Test
    void readsUsersProfilesAndPermissions() throws Exception {
        SObject me = pc.query("SELECT Id, Username, ProfileId, Profile.Name FROM User WHERE Username = '"
                        + org.username() + "'")
                .getRecords()[0];
        assertThat(((XmlObject) me.getField("Profile")).getField("Name")).isEqualTo("System Administrator");
        SObject access = pc.query("SELECT PermissionsModifyAllData, PermissionsModifyMetadata,"
                        + " PermissionsCustomizeApplication, PermissionsApiEnabled FROM UserPermissionAccess")
                .getRecords()[0];
        assertThat(access.getField("PermissionsModifyAllData")).isEqualTo("true");
        assertThat(pc.query("SELECT Id, Name, PermissionsModifyAllData FROM Profile")
                        .getSize())
                .isEqualTo(3);
    }

    /**
     * Salesforce's SOQL reference, "Quoted String Escape Sequences": {@code \\%} and {@code \\_} are valid in a LIKE
     * expression only (a percent sign and an underscore themselves), any other use of a backslash outside the listed
     * escapes is an error; the listed ones include upper-case letters and a Unicode escape.
     */
    @Test
    void percentAndUnderscoreEscapesAreValidInLikeOnly() throws Exception {
        SObject exact = new SObject("Contact");
        exact.setField("LastName", "Fifty_Fifty");
        exact.setField("Email", "fifty.fifty@escapes.example.com");
        SObject other = new SObject("Contact");
        other.setField("LastName", "FiftyXFifty");
        other.setField("Email", "fifty.x.fifty@escapes.example.com");
        assertThat(pc.create(new SObject[] {exact, other})).allMatch(SaveResult::isSuccess);

        assertThat(pc.query("SELECT Id FROM Contact WHERE LastName LIKE 'Fifty_Fifty'")
                        .getSize())
                .isEqualTo(2);
        assertThat(pc.query("SELECT Id FROM Contact WHERE LastName LIKE 'Fifty\\_Fifty'")
                        .getSize())
                .isEqualTo(1);
        assertThat(pc.query("SELECT Id FROM Contact WHERE LastName LIKE 'Fifty\\_%\\%'")
                        .getSize())
                .isZero();

        for (String outsideLike : List.of(
                "SELECT Id FROM Contact WHERE LastName = 'Fifty\\_Fifty'",
                "SELECT Id FROM Contact WHERE LastName IN ('x', '100\\%')")) {
            assertThatThrownBy(() -> pc.query(outsideLike))
                    .as(outsideLike)
                    .isInstanceOfSatisfying(
                            MalformedQueryFault.class,
                            fault -> assertThat(fault.getExceptionMessage()).contains("Illegal character sequence"));
        }
        assertThatThrownBy(() -> pc.query("SELECT Id FROM Contact WHERE LastName = 'Fifty\\qFifty'"))
                .isInstanceOf(MalformedQueryFault.class);

        assertThat(pc.query("SELECT Id FROM Contact WHERE LastName = 'Fifty\\u005fFifty'")
                        .getSize())
                .isEqualTo(1);
        assertThat(pc.query("SELECT Id FROM Contact WHERE LastName = 'Fifty\\NFifty'")
                        .getSize())
                .isZero();
        assertThatThrownBy(() -> pc.query("SELECT Id FROM Contact WHERE LastName = 'Fifty\\u05'"))
                .isInstanceOf(MalformedQueryFault.class);
    }

    @Test
    void unknownFieldIsAnInvalidFieldFaultWithRowAndColumn() {
        assertThatThrownBy(() -> pc.query("SELECT Id, Foo__c FROM Contact"))
                .isInstanceOfSatisfying(InvalidFieldFault.class, fault -> {
                    assertThat(fault.getRow()).isEqualTo(1);
                    assertThat(fault.getColumn()).isEqualTo(12);
                    assertThat(fault.getExceptionMessage()).contains("No such column 'Foo__c' on entity 'Contact'");
                });
    }

    @Test
    void unsupportedSoqlIsMalformedNeverAWrongAnswer() {
        for (String soql : List.of(
                "SELECT Id FROM Contact GROUP BY Email",
                "SELECT Id FROM Contact WHERE Email = :email",
                "SELECT Id, (SELECT Id FROM Contacts) FROM Contact",
                "SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:3",
                "SELECT Id FROM Contact WHERE HasOptedOutOfEmail = true AND Email = null OR Email != null",
                "SELECT Id FROM Contact WHERE",
                "SELECT count(Id) FROM Contact")) {
            assertThatThrownBy(() -> pc.query(soql))
                    .as(soql)
                    .isInstanceOfAny(MalformedQueryFault.class, InvalidFieldFault.class);
        }
        assertThatThrownBy(() -> pc.query("SELECT Id FROM Contact GROUP BY Email"))
                .isInstanceOfSatisfying(
                        MalformedQueryFault.class,
                        fault -> assertThat(fault.getExceptionMessage()).contains("ERROR at Row:1:Column:24"));
    }

    @Test
    void aLongInListMatchesAsShortOnesDoAndAStatementOverTheLimitIsRefused() throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            values.add("'nobody" + i + "@example.com'");
        }
        values.add("'" + seeded.sharedEmail().toUpperCase() + "'");
        values.add("null");
        String in = "SELECT Id FROM Lead WHERE Email IN (" + String.join(",", values) + ")";
        assertThat(in.length()).isLessThan(100_000);
        assertThat(pc.query(in).getSize())
                .isEqualTo(pc.query("SELECT Id FROM Lead WHERE Email = '" + seeded.sharedEmail() + "'")
                        .getSize())
                .isPositive();

        String tooLong = "SELECT Id FROM Lead WHERE Email IN ('" + "x".repeat(100_000) + "')";
        assertThatThrownBy(() -> pc.query(tooLong))
                .isInstanceOfSatisfying(
                        MalformedQueryFault.class,
                        fault -> assertThat(fault.getExceptionMessage())
                                .contains("cannot be longer than 100000 characters"));
    }

    @Test
    void typeMismatchesAndUnknownObjectsAreFaults() {
        assertThatThrownBy(() -> pc.query("SELECT Id FROM Contact WHERE HasOptedOutOfEmail = 'true'"))
                .isInstanceOf(InvalidFieldFault.class);
        assertThatThrownBy(() -> pc.query("SELECT Id FROM Account")).isInstanceOf(InvalidSObjectFault.class);
    }

    @Test
    void anUnknownQueryLocatorIsRefused() {
        assertThatThrownBy(() -> pc.queryMore("01g5e00000000ZZAAA-500")).isInstanceOf(InvalidQueryLocatorFault.class);
    }
}
