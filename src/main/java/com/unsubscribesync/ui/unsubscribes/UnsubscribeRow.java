package com.unsubscribesync.ui.unsubscribes;

import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.store.ListedUnsubscribe;
import com.unsubscribesync.ui.Formats;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

/** One line of the unsubscribe list; it shows "…" until its page has arrived from the store. */
public final class UnsubscribeRow {
    private final SimpleStringProperty email = new SimpleStringProperty("…");
    private final SimpleStringProperty name = new SimpleStringProperty("");
    private final SimpleStringProperty object = new SimpleStringProperty("");
    private final SimpleStringProperty salesforceId = new SimpleStringProperty("");
    private final SimpleStringProperty source = new SimpleStringProperty("");
    private final SimpleStringProperty date = new SimpleStringProperty("");
    private final SimpleStringProperty status = new SimpleStringProperty("");
    private final SimpleBooleanProperty resubscribed = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty loaded = new SimpleBooleanProperty(false);

    void fill(ListedUnsubscribe listed, ZoneId zone) {
        email.set(listed.unsubscribe().email().value());
        Optional<Person> person = listed.person();
        name.set(person.map(UnsubscribeRow::nameOf).orElse(""));
        Optional<SalesforceId> id = person.flatMap(Person::salesforceId);
        object.set(id.map(i -> i.objectType().apiName()).orElse(""));
        salesforceId.set(id.map(SalesforceId::value).orElse(""));
        source.set(listed.unsubscribe().source().label());
        date.set(Formats.compact(listed.unsubscribe().at(), zone));
        resubscribed.set(listed.resubscribed());
        status.set(listed.resubscribed() ? "Resubscribed" : "Unsubscribed");
        loaded.set(true);
    }

    /** The person's name as their Salesforce record has it; empty when only the address is known. */
    static String nameOf(Person person) {
        return person.displayName().equals(person.email().value()) ? "" : person.displayName();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty resubscribedProperty() {
        return resubscribed;
    }

    public ReadOnlyStringProperty emailProperty() {
        return email;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty objectProperty() {
        return object;
    }

    public ReadOnlyStringProperty salesforceIdProperty() {
        return salesforceId;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source;
    }

    public ReadOnlyStringProperty dateProperty() {
        return date;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public boolean loaded() {
        return loaded.get();
    }

    public String email() {
        return email.get();
    }
}
