package com.unsubscribesync.links;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom a one-click link unsubscribes, and from which campaign's email it came (kept for the history's reason).
 *
 * @param campaign a short name without line breaks, when the sender gave one
 */
public record LinkSubject(Email email, Optional<String> campaign) {
    public static final int MAX_CAMPAIGN = 100;

    public LinkSubject {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(campaign, "campaign");
    }

    /**
     * Reads an address and an optional campaign as someone typed them.
     *
     * @throws InvalidInputException with one sentence that names what is wrong
     */
    public static LinkSubject parse(String email, Optional<String> campaign) {
        return new LinkSubject(Email.parse(email), campaign.flatMap(LinkSubject::campaign));
    }

    private static Optional<String> campaign(String raw) {
        Optional<String> name = FreeText.name("campaign", raw);
        name.ifPresent(text -> {
            if (text.length() > MAX_CAMPAIGN) {
                throw new InvalidInputException("campaign is " + text.length()
                        + " characters long; the most it can have is " + MAX_CAMPAIGN + ": shorten it");
            }
            if (text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
                throw new InvalidInputException("campaign contains a line break or tab: give it on one line");
            }
        });
        return name;
    }

    /** The reason written into history when the link is used. */
    public Optional<String> reason() {
        return campaign.map(name -> "one-click link from campaign " + name);
    }
}
