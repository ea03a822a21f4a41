package com.unsubscribesync.salesforce;

import com.sforce.soap.metadata.Layout;
import com.sforce.soap.metadata.LayoutColumn;
import com.sforce.soap.metadata.LayoutItem;
import com.sforce.soap.metadata.LayoutSection;
import com.sforce.soap.metadata.UiBehavior;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.bind.TypeMapper;
import com.sforce.ws.parser.PullParserException;
import com.sforce.ws.parser.XmlInputStream;
import com.sforce.ws.parser.XmlOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * Converts force-wsc's {@link Layout} to and from the XML kept in a {@link PageLayout}. The XML is written by
 * force-wsc's own serializer, the one that sends the layout in {@code updateMetadata}, so a layout read, kept and
 * sent back reaches the org exactly as the org returned it.
 */
final class LayoutDocuments {
    private static final String METADATA = "http://soap.sforce.com/2006/04/metadata";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final QName LAYOUT = new QName(METADATA, "Layout");

    private LayoutDocuments() {}

    static PageLayout toPageLayout(Layout layout) {
        List<PageLayout.Section> sections = new ArrayList<>();
        for (LayoutSection section : orEmpty(layout.getLayoutSections())) {
            List<List<PageLayout.Item>> columns = new ArrayList<>();
            for (LayoutColumn column : orEmpty(section.getLayoutColumns())) {
                List<PageLayout.Item> items = new ArrayList<>();
                for (LayoutItem item : orEmpty(column.getLayoutItems())) {
                    items.add(new PageLayout.Item(
                            Optional.ofNullable(item.getField()),
                            Optional.ofNullable(item.getBehavior()).map(UiBehavior::name)));
                }
                columns.add(items);
            }
            sections.add(new PageLayout.Section(
                    section.getLabel() == null ? "" : section.getLabel(),
                    section.getStyle() == null ? "" : section.getStyle().name(),
                    columns));
        }
        return new PageLayout(layout.getFullName(), sections, write(layout));
    }

    static String write(Layout layout) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOutputStream out = new XmlOutputStream(bytes, false)) {
            out.startDocument();
            out.setPrefix("", METADATA);
            out.setPrefix("xsi", XSI);
            layout.write(LAYOUT, out, new TypeMapper());
            out.endDocument();
        } catch (IOException e) {
            throw new IllegalStateException("A layout could not be written as XML", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static Layout read(String document) {
        try {
            XmlInputStream in = new XmlInputStream();
            in.setInput(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "UTF-8");
            Layout layout = new Layout();
            layout.load(in, new TypeMapper());
            return layout;
        } catch (PullParserException | IOException | ConnectionException e) {
            throw new IllegalArgumentException("The kept layout is not a Metadata API layout document", e);
        }
    }

    /** Inserts the field as an Edit item at the placement. */
    static void place(Layout layout, FieldPlacement placement) {
        List<LayoutSection> sections = orEmpty(layout.getLayoutSections());
        if (placement.section() >= sections.size()) {
            throw new IllegalArgumentException(
                    "layout " + layout.getFullName() + " has no section " + (placement.section() + 1));
        }
        LayoutSection section = sections.get(placement.section());
        List<LayoutColumn> columns = new ArrayList<>(orEmpty(section.getLayoutColumns()));
        if (placement.column() >= columns.size()) {
            throw new IllegalArgumentException("section '" + section.getLabel() + "' of layout " + layout.getFullName()
                    + " has no column " + (placement.column() + 1));
        }
        LayoutColumn column = columns.get(placement.column());
        List<LayoutItem> items = new ArrayList<>(orEmpty(column.getLayoutItems()));
        LayoutItem item = new LayoutItem();
        item.setBehavior(UiBehavior.Edit);
        item.setField(placement.fieldApiName());
        items.add(Math.min(placement.position(), items.size()), item);
        column.setLayoutItems(items.toArray(new LayoutItem[0]));
    }

    private static <T> List<T> orEmpty(T[] array) {
        return array == null ? List.of() : Arrays.asList(array);
    }
}
