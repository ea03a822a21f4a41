package com.unsubscribesync.layout;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.salesforce.FieldPlacement;
import com.unsubscribesync.salesforce.PageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses where the opt-out checkbox goes on a layout, where an admin would put it: right below the other opt-out
 * checkbox if the layout has one, else right below Email, else at the foot of the shortest column of the first
 * section that holds fields.
 */
final class FieldPlacer {
    private static final String CUSTOM_LINKS = "CustomLinks";

    record Choice(FieldPlacement placement, SectionPreview preview) {}

    Optional<Choice> choose(PageLayout layout, String fieldApiName) {
        List<String> anchors = new ArrayList<>();
        if (!fieldApiName.equalsIgnoreCase(OptOutField.EMAIL_OPT_OUT_API_NAME)) {
            anchors.add(OptOutField.EMAIL_OPT_OUT_API_NAME);
        }
        anchors.add("Email");
        for (String anchor : anchors) {
            Optional<Choice> below = below(layout, anchor, fieldApiName);
            if (below.isPresent()) {
                return below;
            }
        }
        for (int s = 0; s < layout.sections().size(); s++) {
            PageLayout.Section section = layout.sections().get(s);
            if (section.columns().isEmpty() || CUSTOM_LINKS.equals(section.style())) {
                continue;
            }
            int shortest = 0;
            for (int c = 1; c < section.columns().size(); c++) {
                if (section.columns().get(c).size()
                        < section.columns().get(shortest).size()) {
                    shortest = c;
                }
            }
            return Optional.of(
                    choice(layout, s, shortest, section.columns().get(shortest).size(), fieldApiName));
        }
        return Optional.empty();
    }

    private Optional<Choice> below(PageLayout layout, String anchor, String fieldApiName) {
        String wanted = anchor.toLowerCase(Locale.ROOT);
        for (int s = 0; s < layout.sections().size(); s++) {
            List<List<PageLayout.Item>> columns = layout.sections().get(s).columns();
            for (int c = 0; c < columns.size(); c++) {
                for (int i = 0; i < columns.get(c).size(); i++) {
                    Optional<String> field = columns.get(c).get(i).field();
                    if (field.isPresent()
                            && field.get().toLowerCase(Locale.ROOT).equals(wanted)) {
                        return Optional.of(choice(layout, s, c, i + 1, fieldApiName));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Choice choice(PageLayout layout, int section, int column, int position, String fieldApiName) {
        PageLayout.Section chosen = layout.sections().get(section);
        List<List<String>> after = new ArrayList<>();
        for (List<PageLayout.Item> items : chosen.columns()) {
            List<String> names = new ArrayList<>();
            items.forEach(item -> names.add(item.field().orElse("")));
            after.add(names);
        }
        after.get(column).add(position, fieldApiName);
        Optional<String> afterField = position == 0
                ? Optional.empty()
                : chosen.columns().get(column).get(position - 1).field();
        return new Choice(
                new FieldPlacement(fieldApiName, section, column, position),
                new SectionPreview(layout.fullName(), chosen.label(), column + 1, afterField, fieldApiName, after));
    }
}
