package com.unsubscribesync.localorg.metadata;

import com.unsubscribesync.localorg.soap.XmlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What each Metadata API version knows of a Layout. Every element or enum value this org can store that a later
 * version added is listed with the version that added it; a layout is answered at the caller's version with what
 * that version does not know left out, as Salesforce answers older clients. Salesforce's published metadata WSDLs of
 * 62.0 to 66.0 differ for Layout only in {@code PlatformActionListContext}, which gained {@code MetadataExplorer} in
 * 64.0 (ADR 0008).
 */
final class LayoutVersions {

    /**
     * A value of a leaf inside a top-level Layout element, known from {@code since}. Older versions cannot express
     * the element at all (the leaf is required), so they get the layout without that element.
     */
    record Introduced(String element, String leaf, String value, double since) {}

    static final List<Introduced> INTRODUCED =
            List.of(new Introduced("platformActionList", "actionListContext", "MetadataExplorer", 64.0));

    /** The order of a Layout's elements in the WSDL's sequence, which a client's parser requires. */
    private static final List<String> ORDER = List.of(
            "fullName",
            "customButtons",
            "customConsoleComponents",
            "emailDefault",
            "excludeButtons",
            "feedLayout",
            "headers",
            "layoutSections",
            "miniLayout",
            "multilineLayoutFields",
            "platformActionList",
            "quickActionList",
            "relatedContent",
            "relatedLists",
            "relatedObjects",
            "runAssignmentRulesDefault",
            "showEmailCheckbox",
            "showHighlightsPanel",
            "showInteractionLogPanel",
            "showKnowledgeComponent",
            "showRunAssignmentRulesCheckbox",
            "showSolutionSection",
            "showSubmitAndAttachButton",
            "summaryLayout");

    private LayoutVersions() {}

    /** The layout's elements as a client at {@code version} may see them. */
    static XmlNode asOf(XmlNode layout, double version) {
        List<XmlNode> known = layout.children().stream()
                .filter(child -> knownAt(child, version))
                .toList();
        return new XmlNode(
                layout.namespace(),
                layout.name(),
                layout.text(),
                known,
                layout.nil(),
                layout.xsiTypeNamespace(),
                layout.xsiType());
    }

    /**
     * A layout saved at {@code version}, keeping what the stored layout holds that this version cannot see: a client
     * cannot send back what it was never shown, so a save replaces only what its version knows.
     */
    static XmlNode savedAt(XmlNode saved, Optional<XmlNode> stored, double version) {
        List<XmlNode> unseen = stored.map(layout -> layout.children().stream()
                        .filter(child -> !knownAt(child, version))
                        .toList())
                .orElse(List.of());
        if (unseen.isEmpty()) {
            return saved;
        }
        List<XmlNode> merged = new ArrayList<>(saved.children());
        merged.addAll(unseen);
        merged.sort(Comparator.comparingInt(child -> ORDER.indexOf(child.name())));
        return new XmlNode(
                saved.namespace(),
                saved.name(),
                saved.text(),
                merged,
                saved.nil(),
                saved.xsiTypeNamespace(),
                saved.xsiType());
    }

    private static boolean knownAt(XmlNode element, double version) {
        for (Introduced introduced : INTRODUCED) {
            if (version < introduced.since()
                    && element.name().equals(introduced.element())
                    && introduced.value().equals(element.text(introduced.leaf()))) {
                return false;
            }
        }
        return true;
    }
}
