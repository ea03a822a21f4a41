package com.unsubscribesync.localorg.soap;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes XML text element by element. Callers write children in the order the WSDL's sequence gives; this class
 * only escapes text and keeps the tags balanced.
 */
public final class XmlOut {
    private final StringBuilder out = new StringBuilder(1024);
    private final Deque<String> open = new ArrayDeque<>();

    public XmlOut raw(String xml) {
        out.append(xml);
        return this;
    }

    public XmlOut open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Opens an element with attributes given as name, value pairs. */
    public XmlOut open(String name, String... attributes) {
        out.append('<').append(name);
        appendAttributes(attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    public XmlOut close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    public XmlOut leaf(String name, Object value) {
        if (value == null) {
            return nil(name);
        }
        out.append('<').append(name).append('>');
        escape(value.toString(), false);
        out.append("</").append(name).append('>');
        return this;
    }

    public XmlOut leaf(String name, Object value, String... attributes) {
        out.append('<').append(name);
        appendAttributes(attributes);
        out.append('>');
        escape(String.valueOf(value), false);
        out.append("</").append(name).append('>');
        return this;
    }

    public XmlOut nil(String name) {
        out.append('<').append(name).append(" xsi:nil=\"true\"/>");
        return this;
    }

    public XmlOut empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    /** Writes the value when present and nothing at all when absent (for optional elements). */
    public XmlOut optional(String name, Object value) {
        return value == null ? this : leaf(name, value);
    }

    private void appendAttributes(String... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], true);
            out.append('"');
        }
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }
}
