package com.unsubscribesync.localorg;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;

/** The XML Schemas inside a WSDL's {@code <types>}, compiled into one {@link Schema} for validation. */
final class WsdlSchemas {
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private WsdlSchemas() {
    }

    static Schema load(String resource) throws Exception {
        DocumentBuilderFactory builders = DocumentBuilderFactory.newInstance();
        builders.setNamespaceAware(true);
        Document wsdl;
        try (InputStream in = WsdlSchemas.class.getResourceAsStream(resource)) {
            wsdl = builders.newDocumentBuilder().parse(in);
        }
        Map<String, String> byNamespace = new LinkedHashMap<>();
        NodeList schemas = wsdl.getElementsByTagNameNS(XSD, "schema");
        for (int i = 0; i < schemas.getLength(); i++) {
            Element schema = (Element) schemas.item(i);
            Element copy = (Element) schema.cloneNode(true);
            for (Node up = schema.getParentNode(); up instanceof Element; up = up.getParentNode()) {
                NamedNodeMap attributes = up.getAttributes();
                for (int a = 0; a < attributes.getLength(); a++) {
                    Node attribute = attributes.item(a);
                    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                            && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getLocalName())) {
                        copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getNodeName(),
                                attribute.getNodeValue());
                    }
                }
            }
            StringWriter text = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new DOMSource(copy), new StreamResult(text));
            byNamespace.put(schema.getAttribute("targetNamespace"), text.toString());
        }
        SchemaFactory factory = SchemaFactory.newInstance(XSD);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) ->
                byNamespace.containsKey(namespace) ? input(namespace, byNamespace.get(namespace)) : null);
        StreamSource[] sources = byNamespace.entrySet().stream()
                .map(e -> new StreamSource(new StringReader(e.getValue()), e.getKey())).toArray(StreamSource[]::new);
        return factory.newSchema(sources);
    }

    private static LSInput input(String namespace, String text) {
        return new LSInput() {
            @Override
            public Reader getCharacterStream() {
                return new StringReader(text);
            }

            @Override
            public void setCharacterStream(Reader characterStream) {
            }

            @Override
            public InputStream getByteStream() {
                return null;
            }

            @Override
            public void setByteStream(InputStream byteStream) {
            }

            @Override
            public String getStringData() {
                return text;
            }

            @Override
            public void setStringData(String stringData) {
            }

            @Override
            public String getSystemId() {
                return namespace;
            }

            @Override
            public void setSystemId(String systemId) {
            }

            @Override
            public String getPublicId() {
                return null;
            }

            @Override
            public void setPublicId(String publicId) {
            }

            @Override
            public String getBaseURI() {
                return null;
            }

            @Override
            public void setBaseURI(String baseURI) {
            }

            @Override
            public String getEncoding() {
                return null;
            }

            @Override
            public void setEncoding(String encoding) {
            }

            @Override
            public boolean getCertifiedText() {
                return false;
            }

            @Override
            public void setCertifiedText(boolean certifiedText) {
            }
        };
    }
}
