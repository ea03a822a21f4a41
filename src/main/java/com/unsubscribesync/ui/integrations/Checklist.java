package com.unsubscribesync.ui.integrations;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.layout.Inspection;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.usecase.FieldState;
import com.unsubscribesync.usecase.OrgState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the three requirements for unsubscribes to reach Salesforce: whether each is met and what fixes it.
 * The words are {@link IntegrationsWording}'s.
 */
final class Checklist {
    private Checklist() {}

    /**
     * @param layouts the page layouts as the layout wizard last saw them
     * @param linked  people with a Salesforce ID, of {@code people}
     */
    static List<Requirement> of(
            SyncSettings settings, OrgState org, Optional<Inspection> layouts, long people, long linked) {
        boolean on = settings.nightlySync();
        boolean allLinked = people > 0 && linked == people;
        return List.of(
                new Requirement(
                        IntegrationsWording.SYNC_ENABLED,
                        on,
                        IntegrationsWording.syncEnabled(on),
                        on ? Requirement.Fix.NONE : Requirement.Fix.ENABLE_NIGHTLY_SYNC),
                field(settings, org, layouts),
                new Requirement(
                        IntegrationsWording.PEOPLE_LINKED,
                        allLinked,
                        IntegrationsWording.peopleLinked(linked, people),
                        allLinked ? Requirement.Fix.NONE : Requirement.Fix.SHOW_PEOPLE_WITHOUT_ID));
    }

    private static Requirement field(SyncSettings settings, OrgState org, Optional<Inspection> layouts) {
        if (!org.connected()) {
            return new Requirement(
                    IntegrationsWording.FIELD_INSTALLED,
                    false,
                    IntegrationsWording.fieldUnknown(org.problem()),
                    Requirement.Fix.OPEN_LAYOUT_STEPS);
        }
        List<String> missing = packageMissing(settings, org);
        if (!missing.isEmpty()) {
            return new Requirement(
                    IntegrationsWording.FIELD_INSTALLED,
                    false,
                    IntegrationsWording.packageMissing(missing, settings.fieldApiName()),
                    List.of(
                            Requirement.Fix.INSTALL_PACKAGE,
                            Requirement.Fix.USE_EMAIL_OPT_OUT,
                            Requirement.Fix.SET_FIELD_API_NAME));
        }
        Map<SObjectType, Optional<FieldState>> states = new EnumMap<>(SObjectType.class);
        boolean all = true;
        for (SObjectType type : SObjectType.values()) {
            Optional<FieldState> state =
                    Optional.ofNullable(org.fields().get(type)).map(known -> withLayouts(known, layouts, type));
            all &= state.map(FieldState::usable).orElse(false);
            states.put(type, state);
        }
        return new Requirement(
                IntegrationsWording.FIELD_INSTALLED,
                all,
                IntegrationsWording.fieldStates(states),
                all ? Requirement.Fix.NONE : Requirement.Fix.OPEN_LAYOUT_STEPS);
    }

    /**
     * The objects without the Marketo Sales Opt Out field when it is chosen: the layout wizard cannot create a field,
     * so the admin is told what can be done instead.
     */
    private static List<String> packageMissing(SyncSettings settings, OrgState org) {
        List<String> missing = new ArrayList<>();
        if (settings.field() == OptOutField.MARKETO_SALES_OPT_OUT) {
            for (SObjectType type : SObjectType.values()) {
                FieldState state = org.fields().get(type);
                if (state != null && !state.exists()) {
                    missing.add(type.apiName());
                }
            }
        }
        return missing;
    }

    /** The field on the layouts as the layout wizard last saw it, when that is about the same field. */
    private static FieldState withLayouts(FieldState state, Optional<Inspection> layouts, SObjectType type) {
        Optional<Boolean> onLayouts = layouts.flatMap(i -> i.of(type))
                .filter(object -> object.fieldApiName().equals(state.apiName()))
                .flatMap(ObjectLayouts::onEveryLayout);
        return onLayouts.isEmpty()
                ? state
                : new FieldState(state.apiName(), state.exists(), state.updateable(), onLayouts, state.problem());
    }
}
