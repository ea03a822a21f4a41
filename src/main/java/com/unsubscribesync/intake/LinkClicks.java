package com.unsubscribesync.intake;

import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.links.LinkSubject;
import com.unsubscribesync.usecase.RecordUnsubscribe;
import java.util.List;

/** A click on a one-click link is an unsubscribe from a clicked link, the campaign as its reason. */
public final class LinkClicks implements Recording {
    private final RecordUnsubscribe unsubscribes;

    public LinkClicks(RecordUnsubscribe unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @Override
    public boolean record(LinkSubject subject) {
        return unsubscribes
                .add(subject.email(), UnsubscribeSource.CLICKED_LINK, subject.reason())
                .added();
    }

    @Override
    public List<Boolean> recordTogether(List<LinkSubject> subjects) {
        return unsubscribes.addTogether(
                subjects.stream()
                        .map(subject -> new RecordUnsubscribe.Request(subject.email(), subject.reason()))
                        .toList(),
                UnsubscribeSource.CLICKED_LINK);
    }
}
