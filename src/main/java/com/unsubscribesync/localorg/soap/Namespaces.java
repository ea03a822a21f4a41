package com.unsubscribesync.localorg.soap;

/** The namespaces of the Partner and Metadata wire. */
public final class Namespaces {
    public static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String PARTNER = "urn:partner.soap.sforce.com";
    public static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";
    public static final String PARTNER_FAULT = "urn:fault.partner.soap.sforce.com";
    public static final String METADATA = "http://soap.sforce.com/2006/04/metadata";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private Namespaces() {}
}
