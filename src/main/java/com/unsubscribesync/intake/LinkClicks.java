package com.unsubscribesync.intake;

import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.links.LinkSubject;
import com.unsubscribesync.usecase.RecordUnsubscribe;

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
}
