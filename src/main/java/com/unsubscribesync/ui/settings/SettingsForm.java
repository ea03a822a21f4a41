package com.unsubscribesync.ui.settings;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.Setting;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.usecase.ChangeSettings;
import com.unsubscribesync.usecase.FieldState;
import com.unsubscribesync.usecase.OrgState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings of {@code settings set} that the Integrations cards do not already show (the nightly toggle and the
 * field choice): each held as typed, read by the same rule as the command line ({@link Setting#apply}), and saved
 * together, or not at all.
 */
public final class SettingsForm {
    /** The settings on this form, in the order shown. */
    public static final List<Setting> SHOWN = List.of(
            Setting.FIELD_API_NAME,
            Setting.RESUBSCRIBE_POLICY,
            Setting.MATCH_BY_EMAIL,
            Setting.API_RESERVE_PERCENT,
            Setting.BULK_THRESHOLD,
            Setting.BULK_QUERY_FROM,
            Setting.CALLS_IN_FLIGHT);

    private final ChangeSettings settings;
    private final Background background;
    private final Runnable saved;
    private final Consumer<Throwable> failed;
    private final Map<Setting, StringProperty> values = new EnumMap<>(Setting.class);
    private final Map<Setting, StringProperty> problems = new EnumMap<>(Setting.class);
    private final BooleanProperty changed = new SimpleBooleanProperty(false);
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty discovered = new SimpleStringProperty("Not looked up yet.");
    private final ObjectProperty<Setting> focusRequest = new SimpleObjectProperty<>();
    private SyncSettings loaded = SyncSettings.defaults();

    /**
     * @param saved  what to do once the settings are saved (read everything again)
     * @param failed what to do when saving failed for another reason than what was typed
     */
    public SettingsForm(ChangeSettings settings, Background background, Runnable saved, Consumer<Throwable> failed) {
        this.settings = settings;
        this.background = background;
        this.saved = saved;
        this.failed = failed;
        for (Setting setting : SHOWN) {
            values.put(setting, new SimpleStringProperty(setting.valueIn(loaded)));
            problems.put(setting, new SimpleStringProperty(""));
            values.get(setting).addListener((o, was, now) -> check());
        }
    }

    /** Shows the settings as stored, unless the admin is in the middle of changing them. */
    public void show(SyncSettings stored, OrgState org) {
        boolean editing = changed.get();
        loaded = stored;
        if (!editing) {
            SHOWN.forEach(setting -> values.get(setting).set(setting.valueIn(stored)));
        }
        discovered.set(discovery(stored, org));
        check();
    }

    /** Reads every value as typed, by the command line's rule: the settings they make, or empty (problems shown). */
    private Optional<SyncSettings> check() {
        SyncSettings result = loaded;
        boolean allRead = true;
        boolean differs = false;
        for (Setting setting : SHOWN) {
            String typed = values.get(setting).get();
            differs |= !typed.strip().equals(setting.valueIn(loaded));
            try {
                result = setting.apply(result, typed);
                problems.get(setting).set("");
            } catch (InvalidInputException e) {
                problems.get(setting).set(sentence(e.getMessage()));
                allRead = false;
            }
        }
        changed.set(differs);
        valid.set(allRead);
        if (differs) {
            status.set("");
        }
        return allRead ? Optional.of(result) : Optional.empty();
    }

    /** The command line's own words, as a sentence. */
    private static String sentence(String message) {
        return message + ".";
    }

    /** Saves every value at once, in the background; a value that cannot be read keeps the whole form unsaved. */
    public void save() {
        if (saving.get() || check().isEmpty()) {
            return;
        }
        Map<Setting, String> typed = new EnumMap<>(Setting.class);
        SHOWN.forEach(setting -> typed.put(setting, values.get(setting).get()));
        saving.set(true);
        background.submit(
                progress -> {
                    return settings.set(typed);
                },
                stored -> {
                    saving.set(false);
                    loaded = stored;
                    check();
                    status.set("Settings saved. The next run uses them.");
                    saved.run();
                },
                e -> {
                    saving.set(false);
                    if (e instanceof InvalidInputException) {
                        status.set(sentence(e.getMessage()));
                    } else {
                        failed.accept(e);
                    }
                });
    }

    /** Puts back the values as stored. */
    public void revert() {
        SHOWN.forEach(setting -> values.get(setting).set(setting.valueIn(loaded)));
        status.set("");
    }

    /** Forgets the typed API name, so that the field is found by its label again (once saved). */
    public void useDiscoveredName() {
        values.get(Setting.FIELD_API_NAME).set("");
    }

    /** Asks the view to bring one setting into sight and focus it. */
    public void focus(Setting setting) {
        focusRequest.set(null);
        focusRequest.set(setting);
    }

    /** What Salesforce has under the chosen field, per object, in the admin's words. */
    static String discovery(SyncSettings stored, OrgState org) {
        if (!org.connected()) {
            return "Not looked up: no org is connected.";
        }
        if (stored.field() == OptOutField.EMAIL_OPT_OUT) {
            return "Looked up while \"" + OptOutField.MARKETO_SALES_OPT_OUT.label() + "\" is chosen above.";
        }
        List<String> parts = new ArrayList<>();
        for (SObjectType type : SObjectType.values()) {
            FieldState state = org.fields().get(type);
            if (state == null) {
                parts.add(type.apiName() + ": not checked");
            } else if (state.exists()) {
                parts.add(type.apiName() + ": " + state.apiName().orElse("(no name)"));
            } else {
                parts.add(type.apiName() + ": not found");
            }
        }
        String how = stored.fieldApiName()
                .map(name -> "Your API name " + name + " — ")
                .orElse("Found by its label \"" + OptOutField.MARKETO_SALES_OPT_OUT_LABEL + "\" — ");
        return how + String.join(" · ", parts);
    }

    public StringProperty value(Setting setting) {
        return values.get(setting);
    }

    public ReadOnlyStringProperty problem(Setting setting) {
        return problems.get(setting);
    }

    /** Something typed differs from what is stored. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed;
    }

    /** Every value typed can be read. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty discoveredProperty() {
        return discovered;
    }

    public ObjectProperty<Setting> focusRequestProperty() {
        return focusRequest;
    }

    /** The settings as last read from the store. */
    public SyncSettings stored() {
        return loaded;
    }
}
