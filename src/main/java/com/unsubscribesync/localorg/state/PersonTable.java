package com.unsubscribesync.localorg.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Leads or Contacts stored column by column in arrays, so a million people fit in a small heap: ids are computed
 * from the row number, names come from shared pools, flags share one byte and times are epoch milliseconds of whole
 * seconds, as Salesforce stores dateTimes.
 */
public final class PersonTable implements RecordTable {
    private static final byte OPTED_OUT = 1;
    private static final byte PACKAGE_OPTED_OUT = 2;
    private static final byte CONVERTED = 4;
    private static final byte DELETED = 8;

    private final ObjectSchema schema;
    /** Told the id of each record whose Email Opt Out turns on; none unless a benchmark watches. */
    private volatile Consumer<String> optOutWatch;

    private final boolean lead;
    private int size;
    private String[] firstName = new String[16];
    private String[] lastName = new String[16];
    private String[] email = new String[16];
    private String[] title = new String[16];
    private String[] phone = new String[16];
    private String[] company;
    private byte[] flags = new byte[16];
    private byte[] status;
    private int[] convertedContact;
    private int[] convertedDay;
    private int[] masterRecord = new int[16];
    private long[] created = new long[16];
    private long[] modified = new long[16];
    private long[] deletedAt = new long[16];

    public PersonTable(ObjectSchema schema) {
        this.schema = schema;
        this.lead = schema.name().equals("Lead");
        if (lead) {
            company = new String[16];
            status = new byte[16];
            convertedContact = new int[16];
            convertedDay = new int[16];
        }
    }

    @Override
    public ObjectSchema schema() {
        return schema;
    }

    public boolean isLead() {
        return lead;
    }

    @Override
    public int size() {
        return size;
    }

    public void reserve(int capacity) {
        if (capacity > firstName.length) {
            grow(capacity);
        }
    }

    /** Appends a live person created at {@code when} and returns its row. */
    public int add(String first, String last, String mail, Instant when) {
        if (size == firstName.length) {
            grow(Math.max(16, size * 2));
        }
        int row = size++;
        firstName[row] = first;
        lastName[row] = last;
        email[row] = mail;
        masterRecord[row] = -1;
        if (lead) {
            convertedContact[row] = -1;
        }
        created[row] = stored(when);
        modified[row] = created[row];
        return row;
    }

    private void grow(int capacity) {
        firstName = Arrays.copyOf(firstName, capacity);
        lastName = Arrays.copyOf(lastName, capacity);
        email = Arrays.copyOf(email, capacity);
        title = Arrays.copyOf(title, capacity);
        phone = Arrays.copyOf(phone, capacity);
        flags = Arrays.copyOf(flags, capacity);
        masterRecord = Arrays.copyOf(masterRecord, capacity);
        created = Arrays.copyOf(created, capacity);
        modified = Arrays.copyOf(modified, capacity);
        deletedAt = Arrays.copyOf(deletedAt, capacity);
        if (lead) {
            company = Arrays.copyOf(company, capacity);
            status = Arrays.copyOf(status, capacity);
            convertedContact = Arrays.copyOf(convertedContact, capacity);
            convertedDay = Arrays.copyOf(convertedDay, capacity);
        }
    }

    @Override
    public String id(int row) {
        return RecordIds.idOf(schema.keyPrefix(), row);
    }

    @Override
    public int rowOf(String id) {
        int row = RecordIds.rowOf(schema.keyPrefix(), id);
        return row < size ? row : -1;
    }

    @Override
    public boolean isDeleted(int row) {
        return (flags[row] & DELETED) != 0;
    }

    public boolean isConverted(int row) {
        return lead && (flags[row] & CONVERTED) != 0;
    }

    public boolean isOptedOut(int row) {
        return (flags[row] & OPTED_OUT) != 0;
    }

    public boolean isPackageOptedOut(int row) {
        return (flags[row] & PACKAGE_OPTED_OUT) != 0;
    }

    public String email(int row) {
        return email[row];
    }

    public String firstName(int row) {
        return firstName[row];
    }

    public String lastName(int row) {
        return lastName[row];
    }

    public String company(int row) {
        return lead ? company[row] : null;
    }

    public int masterRecord(int row) {
        return masterRecord[row];
    }

    public int convertedContact(int row) {
        return lead ? convertedContact[row] : -1;
    }

    public long modifiedMillis(int row) {
        return modified[row];
    }

    public long createdMillis(int row) {
        return created[row];
    }

    public long deletedMillis(int row) {
        return deletedAt[row];
    }

    @Override
    public Object value(int row, FieldDef field) {
        return switch (field.name()) {
            case "Id" -> id(row);
            case "IsDeleted" -> isDeleted(row);
            case "MasterRecordId" -> masterRecord[row] < 0 ? null : id(masterRecord[row]);
            case "LastName" -> lastName[row];
            case "FirstName" -> firstName[row];
            case "Name" -> fullName(row);
            case "Title" -> title[row];
            case "Company" -> company[row];
            case "Phone" -> phone[row];
            case "Email" -> email[row];
            case "HasOptedOutOfEmail" -> isOptedOut(row);
            case "Status" -> SchemaCatalog.LEAD_STATUSES.get(status[row]);
            case "IsConverted" -> isConverted(row);
            case "ConvertedDate" -> convertedDay[row] == 0 ? null : LocalDate.ofEpochDay(convertedDay[row] - 1L);
            case "ConvertedContactId" ->
                convertedContact[row] < 0 ? null : RecordIds.idOf("003", convertedContact[row]);
            case "CreatedDate" -> Instant.ofEpochMilli(created[row]);
            case "LastModifiedDate", "SystemModstamp" -> Instant.ofEpochMilli(modified[row]);
            case SchemaCatalog.PACKAGE_OPT_OUT_FIELD -> isPackageOptedOut(row);
            default -> throw new IllegalArgumentException("no column for " + field.name());
        };
    }

    private String fullName(int row) {
        String first = firstName[row];
        return first == null || first.isEmpty() ? lastName[row] : first + " " + lastName[row];
    }

    /** Sets one writable field; the caller validated the value's type and touches the row afterwards. */
    public void set(int row, FieldDef field, Object value) {
        switch (field.name()) {
            case "LastName" -> lastName[row] = (String) value;
            case "FirstName" -> firstName[row] = (String) value;
            case "Title" -> title[row] = (String) value;
            case "Company" -> company[row] = (String) value;
            case "Phone" -> phone[row] = (String) value;
            case "Email" -> email[row] = (String) value;
            case "HasOptedOutOfEmail" -> setOptedOut(row, Boolean.TRUE.equals(value));
            case "Status" -> status[row] = (byte) Math.max(0, SchemaCatalog.LEAD_STATUSES.indexOf((String) value));
            case SchemaCatalog.PACKAGE_OPT_OUT_FIELD -> setFlag(row, PACKAGE_OPTED_OUT, Boolean.TRUE.equals(value));
            default -> throw new IllegalArgumentException(field.name() + " is not writable");
        }
    }

    private void setOptedOut(int row, boolean on) {
        Consumer<String> watch = optOutWatch;
        if (watch != null && on && !isOptedOut(row)) {
            watch.accept(id(row));
        }
        setFlag(row, OPTED_OUT, on);
    }

    /** Has {@code watch} told (under the org's lock, so it must be quick) of every opt-out turned on; null stops. */
    public void watchOptOuts(Consumer<String> watch) {
        optOutWatch = watch;
    }

    public void touch(int row, Instant when) {
        modified[row] = Math.max(stored(when), modified[row]);
    }

    public void markDeleted(int row, Instant when, int master) {
        setFlag(row, DELETED, true);
        deletedAt[row] = stored(when);
        masterRecord[row] = master;
        touch(row, when);
    }

    public void markConverted(int row, int contactRow, Instant when) {
        setFlag(row, CONVERTED, true);
        convertedContact[row] = contactRow;
        convertedDay[row] =
                (int) LocalDate.ofInstant(when, java.time.ZoneOffset.UTC).toEpochDay() + 1;
        status[row] = (byte) SchemaCatalog.LEAD_STATUSES.indexOf("Closed - Converted");
        touch(row, when);
    }

    /** Salesforce keeps dateTime fields to the second: CreatedDate, SystemModstamp and the deletion time. */
    private static long stored(Instant when) {
        return Math.multiplyExact(when.getEpochSecond(), 1000L);
    }

    private void setFlag(int row, byte flag, boolean on) {
        flags[row] = (byte) (on ? flags[row] | flag : flags[row] & ~flag);
    }

    /** Every column of a row, for snapshots; {@link #restore} takes the same array back. */
    public Object[] columns(int row) {
        return new Object[] {
            firstName[row],
            lastName[row],
            email[row],
            title[row],
            phone[row],
            lead ? company[row] : null,
            flags[row],
            lead ? status[row] : 0,
            lead ? convertedContact[row] : -1,
            lead ? convertedDay[row] : 0,
            masterRecord[row],
            created[row],
            modified[row],
            deletedAt[row]
        };
    }

    public void restore(Object[] c) {
        int row = add((String) c[0], (String) c[1], (String) c[2], Instant.ofEpochMilli((Long) c[11]));
        title[row] = (String) c[3];
        phone[row] = (String) c[4];
        flags[row] = ((Number) c[6]).byteValue();
        if (lead) {
            company[row] = (String) c[5];
            status[row] = ((Number) c[7]).byteValue();
            convertedContact[row] = ((Number) c[8]).intValue();
            convertedDay[row] = ((Number) c[9]).intValue();
        }
        masterRecord[row] = ((Number) c[10]).intValue();
        modified[row] = stored(Instant.ofEpochMilli((Long) c[12]));
        deletedAt[row] = stored(Instant.ofEpochMilli((Long) c[13]));
    }
}
