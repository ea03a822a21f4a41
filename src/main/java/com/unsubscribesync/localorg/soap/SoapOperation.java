package com.unsubscribesync.localorg.soap;

/** One SOAP call: reads the request element and writes the children of its response element. */
@FunctionalInterface
public interface SoapOperation {
    void answer(XmlNode request, CallContext context, XmlOut out);
}
