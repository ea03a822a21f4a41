package com.unsubscribesync.ui.imports;

import com.unsubscribesync.collect.ImportField;
import com.unsubscribesync.collect.PeopleImporter;
import com.unsubscribesync.collect.UnsubscribeImporter;
import java.util.List;

/** What a CSV file is imported as. */
public enum ImportKind {
    UNSUBSCRIBES(
            "Import unsubscribes from a CSV file",
            "Import CSV",
            "unsubscribe",
            "unsubscribes",
            UnsubscribeImporter.FIELDS),
    PEOPLE("Import people from a CSV file", "Import people", "person", "people", PeopleImporter.FIELDS);

    private final String title;
    private final String shortTitle;
    private final String one;
    private final String many;
    private final List<ImportField> fields;

    ImportKind(String title, String shortTitle, String one, String many, List<ImportField> fields) {
        this.title = title;
        this.shortTitle = shortTitle;
        this.one = one;
        this.many = many;
        this.fields = fields;
    }

    public String title() {
        return title;
    }

    /** The title of the dialogs that report on it. */
    public String shortTitle() {
        return shortTitle;
    }

    public String one() {
        return one;
    }

    public String many() {
        return many;
    }

    public List<ImportField> fields() {
        return fields;
    }
}
