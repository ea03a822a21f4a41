package com.unsubscribesync.localorg.metadata;

import com.unsubscribesync.localorg.soap.Namespaces;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlNodeReader;
import com.unsubscribesync.localorg.soap.XmlOut;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;

/** Writes stored layout elements back out (in the metadata default namespace) and reads layout documents. */
public final class LayoutXml {
    private LayoutXml() {}

    /** Writes the children of a layout element; nil elements are left out, empty ones written as empty tags. */
    public static void writeChildren(XmlOut out, XmlNode node) {
        for (XmlNode child : node.children()) {
            if (child.nil()) {
                continue;
            }
            if (child.isLeaf()) {
                if (child.text().isEmpty()) {
                    out.empty(child.name());
                } else {
                    out.leaf(child.name(), child.text());
                }
            } else {
                out.open(child.name());
                writeChildren(out, child);
                out.close();
            }
        }
    }

    /** A whole layout as a standalone document, for persistence. */
    public static String document(XmlNode content) {
        XmlOut out = new XmlOut();
        out.open("Layout", "xmlns", Namespaces.METADATA);
        writeChildren(out, content);
        out.close();
        return out.toString();
    }

    public static XmlNode parse(String xml) {
        try {
            return new XmlNodeReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not a layout document: " + e.getMessage(), e);
        }
    }
}
