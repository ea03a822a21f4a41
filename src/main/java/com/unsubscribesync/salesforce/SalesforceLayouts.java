package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.SObjectType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page layouts of a Salesforce org, through the Metadata API, and the user's permissions that decide whether
 * they can be read and saved. Failures are {@link SalesforceException}s as for {@link SalesforceOrg}.
 */
public interface SalesforceLayouts {

    /** The connected user's permissions that decide whether page layouts can be read and saved. */
    LayoutPermissions layoutPermissions();

    /** The page layouts of several objects, each sorted by full name, named as the org names them. */
    Map<SObjectType, List<ListedLayout>> listLayouts(Set<SObjectType> types);

    /** Every page layout of the object ({@code listMetadata}). */
    default List<ListedLayout> listLayouts(SObjectType type) {
        return listLayouts(EnumSet.of(type)).get(type);
    }

    /**
     * The named layouts, whole, in the order given; a name the org does not know is left out. Names must come
     * from {@link #listLayouts}.
     */
    List<PageLayout> readLayouts(List<String> fullNames);

    /**
     * Adds a field to the layout {@code current} (as read just before) and saves the whole layout; Salesforce
     * replaces a layout whole, so nothing else on it may change.
     *
     * @return the layout as saved
     * @throws SalesforceException {@code REFUSED} with the org's status code when the org does not save it
     */
    PageLayout addField(PageLayout current, FieldPlacement placement);

    /**
     * Saves a layout exactly as it was read before (undo of {@link #addField}).
     *
     * @param document the layout's {@link PageLayout#document()} as it was read
     */
    void restoreLayout(String fullName, String document);
}
