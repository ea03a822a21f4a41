package com.unsubscribesync.localorg;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;

/** Schema documents of several namespaces, compiled into one {@link Schema} for validation. */
final class WsdlSchemas {
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private WsdlSchemas() {}

    /** Schema documents by target namespace, compiled into one; an import is resolved among them. */
    static Schema compile(Map<String, String> byNamespace) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XSD);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) ->
                byNamespace.containsKey(namespace) ? input(namespace, byNamespace.get(namespace)) : null);
        StreamSource[] sources = byNamespace.entrySet().stream()
                .map(e -> new StreamSource(new StringReader(e.getValue()), e.getKey()))
                .toArray(StreamSource[]::new);
        return factory.newSchema(sources);
    }

    private static LSInput input(String namespace, String text) {
        return new LSInput() {
            @Override
            public Reader getCharacterStream() {
                return new StringReader(text);
            }

            @Override
            public void setCharacterStream(Reader characterStream) {}

            @Override
            public InputStream getByteStream() {
                return null;
            }

            @Override
            public void setByteStream(InputStream byteStream) {}

            @Override
            public String getStringData() {
                return text;
            }

            @Override
            public void setStringData(String stringData) {}

            @Override
            public String getSystemId() {
                return namespace;
            }

            @Override
            public void setSystemId(String systemId) {}

            @Override
            public String getPublicId() {
                return null;
            }

            @Override
            public void setPublicId(String publicId) {}

            @Override
            public String getBaseURI() {
                return null;
            }

            @Override
            public void setBaseURI(String baseURI) {}

            @Override
            public String getEncoding() {
                return null;
            }

            @Override
            public void setEncoding(String encoding) {}

            @Override
            public boolean getCertifiedText() {
                return false;
            }

            @Override
            public void setCertifiedText(boolean certifiedText) {}
        };
    }
}
