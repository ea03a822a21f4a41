package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.HistoryEntry;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.store.ListQuery;
import com.unsubscribesync.store.ListedUnsubscribe;
import com.unsubscribesync.store.PeopleRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.util.List;
import java.util.Optional;

/** Reads only: the list of unsubscribes, a person's record and their history card. */
public final class UnsubscribeList {
    private final UnsubscribeRepository unsubscribes;
    private final PeopleRepository people;

    public UnsubscribeList(UnsubscribeRepository unsubscribes, PeopleRepository people) {
        this.unsubscribes = unsubscribes;
        this.people = people;
    }

    /** In email order, only addresses starting with the prefix (empty: all). */
    public List<ListedUnsubscribe> list(String emailPrefix, int limit, int offset) {
        return unsubscribes.list(emailPrefix, limit, offset);
    }

    public List<ListedUnsubscribe> page(ListQuery query, int limit, int offset) {
        return unsubscribes.page(query, limit, offset);
    }

    public long count(ListQuery query) {
        return unsubscribes.count(query);
    }

    public boolean isUnsubscribed(Email email) {
        return unsubscribes.isUnsubscribed(email);
    }

    public List<HistoryEntry> history(Email email) {
        return unsubscribes.history(email);
    }

    public Optional<Person> person(Email email) {
        return people.find(email);
    }

    /** Whether any person has a name (else the console hides the Name column). */
    public boolean anyNamed() {
        return people.anyNamed();
    }
}
