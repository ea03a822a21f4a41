package com.unsubscribesync.localorg.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed XML element: namespace and local name, its text, its children in document order, and the two xsi
 * attributes SOAP cares about. Prefixes are resolved away, so readers match by namespace, never by prefix.
 */
public record XmlNode(
        String namespace,
        String name,
        String text,
        List<XmlNode> children,
        boolean nil,
        String xsiTypeNamespace,
        String xsiType) {

    public XmlNode {
        children = List.copyOf(children);
    }

    public Optional<XmlNode> child(String localName) {
        for (XmlNode child : children) {
            if (child.name.equals(localName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    public List<XmlNode> all(String localName) {
        List<XmlNode> found = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.name.equals(localName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The text of a child, or null when it is absent or nil. */
    public String text(String localName) {
        return child(localName).filter(c -> !c.nil).map(XmlNode::text).orElse(null);
    }

    public List<String> texts(String localName) {
        List<String> values = new ArrayList<>();
        for (XmlNode child : all(localName)) {
            values.add(child.nil ? null : child.text);
        }
        return values;
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
