package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.soap.Namespaces;
import com.unsubscribesync.localorg.soap.XmlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An sObject as a client sent it. Children may come in any order (force-wsc writes fieldsToNull after the fields);
 * a value is null when the element is xsi:nil.
 */
record SObjectInput(String type, String id, Map<String, String> values, List<String> fieldsToNull) {

    static SObjectInput read(XmlNode node) {
        String type = null;
        String id = null;
        Map<String, String> values = new LinkedHashMap<>();
        List<String> toNull = new ArrayList<>();
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "type" -> type = child.text().trim();
                case "Id" -> id = child.nil() ? null : child.text().trim();
                case "fieldsToNull" -> {
                    if (!child.nil() && !child.text().isBlank()) {
                        toNull.add(child.text().trim());
                    }
                }
                default -> {
                    if (child.namespace().equals(Namespaces.SOBJECT)
                            || child.namespace().isEmpty()
                            || child.namespace().equals(Namespaces.PARTNER)) {
                        values.put(child.name(), child.nil() ? null : child.text());
                    }
                }
            }
        }
        return new SObjectInput(type, id == null || id.isEmpty() ? null : id, values, toNull);
    }
}
