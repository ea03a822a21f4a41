package com.unsubscribesync.localorg.soap;

/** Wraps response bodies and faults in SOAP envelopes the way Salesforce writes them. */
public final class SoapEnvelopes {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private SoapEnvelopes() {}

    /** A partner response: default namespace partner, {@code sf} for sObject fields, with the limit header. */
    public static String partner(String operation, String results, ApiUsage usage) {
        return DECLARATION + "<soapenv:Envelope xmlns:soapenv=\"" + Namespaces.ENVELOPE + "\" xmlns=\""
                + Namespaces.PARTNER + "\" xmlns:xsi=\"" + Namespaces.XSI + "\" xmlns:xsd=\"" + Namespaces.XSD
                + "\" xmlns:sf=\"" + Namespaces.SOBJECT + "\"><soapenv:Header><LimitInfoHeader><limitInfo><current>"
                + usage.used() + "</current><limit>" + usage.limit() + "</limit><type>API REQUESTS</type>"
                + "</limitInfo></LimitInfoHeader></soapenv:Header><soapenv:Body><" + operation + "Response>"
                + results + "</" + operation + "Response></soapenv:Body></soapenv:Envelope>";
    }

    /** A metadata response; the metadata client knows no limit header, so none is sent. */
    public static String metadata(String operation, String results) {
        return DECLARATION + "<soapenv:Envelope xmlns:soapenv=\"" + Namespaces.ENVELOPE + "\" xmlns=\""
                + Namespaces.METADATA + "\" xmlns:xsi=\"" + Namespaces.XSI + "\" xmlns:xsd=\"" + Namespaces.XSD
                + "\"><soapenv:Body><" + operation + "Response>" + results + "</" + operation
                + "Response></soapenv:Body></soapenv:Envelope>";
    }

    /**
     * A fault. With a detail type the detail carries {@code xsi:type="sf:Type"} in the partner fault namespace,
     * which is what lets the client build the typed exception (and renew an expired session).
     */
    public static String fault(SoapFault fault, String faultNamespace) {
        XmlOut out = new XmlOut();
        String faultCode = fault.code().contains(":") ? fault.code() : "sf:" + fault.code();
        out.raw(DECLARATION + "<soapenv:Envelope xmlns:soapenv=\"" + Namespaces.ENVELOPE + "\" xmlns:sf=\""
                + faultNamespace + "\" xmlns:xsi=\"" + Namespaces.XSI + "\"><soapenv:Body>");
        out.open("soapenv:Fault")
                .leaf("faultcode", faultCode)
                .leaf(
                        "faultstring",
                        fault.code().contains(":")
                                ? fault.exceptionMessage()
                                : fault.code() + ": " + fault.exceptionMessage());
        if (fault.detailType() != null) {
            String type = "sf:" + fault.detailType();
            out.open("detail")
                    .open(type, "xsi:type", type)
                    .leaf("sf:exceptionCode", fault.code())
                    .leaf("sf:exceptionMessage", fault.exceptionMessage());
            if (fault.hasPosition()) {
                out.leaf("sf:row", fault.row()).leaf("sf:column", fault.column());
            }
            out.close().close();
        }
        out.close();
        out.raw("</soapenv:Body></soapenv:Envelope>");
        return out.toString();
    }
}
