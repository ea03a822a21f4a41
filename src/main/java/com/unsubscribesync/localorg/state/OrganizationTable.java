package com.unsubscribesync.localorg.state;

/**
 * The single Organization row every user may query: its name, type and whether it is a sandbox (what a client asks
 * to tell a sandbox from production, ADR 0008).
 */
final class OrganizationTable implements RecordTable {
    static final String PREFIX = "00D";
    private final ObjectSchema schema;
    private final boolean sandbox;

    OrganizationTable(ObjectSchema schema, boolean sandbox) {
        this.schema = schema;
        this.sandbox = sandbox;
    }

    @Override
    public ObjectSchema schema() {
        return schema;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public String id(int row) {
        return RecordIds.idOf(PREFIX, row);
    }

    @Override
    public int rowOf(String id) {
        return RecordIds.rowOf(PREFIX, id) == 0 ? 0 : -1;
    }

    @Override
    public boolean isDeleted(int row) {
        return false;
    }

    @Override
    public Object value(int row, FieldDef field) {
        return switch (field.name()) {
            case "Id" -> id(row);
            case "Name" -> "Unsubscribe Sync Local Org";
            case "IsSandbox" -> sandbox;
            case "OrganizationType" -> sandbox ? "Enterprise Edition" : "Developer Edition";
            default -> throw new IllegalArgumentException("no column for " + field.name());
        };
    }
}
