package com.unsubscribesync.localorg.soap;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads a whole document into {@link XmlNode}s with a namespace-aware StAX reader; DTDs are refused. */
public final class XmlNodeReader {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLInputFactory factory;

    public XmlNodeReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    public XmlNode read(InputStream in) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(in, "UTF-8");
        try {
            Deque<Builder> open = new ArrayDeque<>();
            XmlNode root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    open.push(new Builder(reader));
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    XmlNode done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
            }
            if (root == null) {
                throw new XMLStreamException("empty document");
            }
            return root;
        } finally {
            reader.close();
        }
    }

    private static final class Builder {
        final String namespace;
        final String name;
        final boolean nil;
        final String typeNamespace;
        final String type;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(XMLStreamReader reader) {
            namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            name = reader.getLocalName();
            nil = "true".equals(reader.getAttributeValue(XSI, "nil"));
            String xsiType = reader.getAttributeValue(XSI, "type");
            if (xsiType == null) {
                typeNamespace = null;
                type = null;
            } else {
                int colon = xsiType.indexOf(':');
                String prefix = colon < 0 ? "" : xsiType.substring(0, colon);
                String uri = reader.getNamespaceContext().getNamespaceURI(prefix);
                typeNamespace = uri == null ? "" : uri;
                type = xsiType.substring(colon + 1);
            }
        }

        XmlNode build() {
            String content =
                    children.isEmpty() ? text.toString() : text.toString().strip();
            return new XmlNode(namespace, name, content, children, nil, typeNamespace, type);
        }
    }
}
