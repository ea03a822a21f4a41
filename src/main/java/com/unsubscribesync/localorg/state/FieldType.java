package com.unsubscribesync.localorg.state;

/** The field types this org knows, with the names describe reports for them. */
public enum FieldType {
    ID("id", "tns:ID"),
    STRING("string", "xsd:string"),
    EMAIL("email", "xsd:string"),
    PHONE("phone", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    BOOLEAN("boolean", "xsd:boolean"),
    DATETIME("datetime", "xsd:dateTime"),
    DATE("date", "xsd:date"),
    REFERENCE("reference", "tns:ID");

    private final String describeName;
    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    public String describeName() {
        return describeName;
    }

    public String soapType() {
        return soapType;
    }

    public boolean isText() {
        return this == STRING || this == EMAIL || this == PHONE || this == PICKLIST;
    }

    public boolean isId() {
        return this == ID || this == REFERENCE;
    }
}
