package com.unsubscribesync.bench;

import com.unsubscribesync.localorg.OrgAdmin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the benchmark does to an org and to the store, chosen from the org's people with a fixed seed, so that two
 * orgs seeded alike (the engine's and the baseline's) get exactly the same work.
 */
final class BenchWorkload {
    private static final long SEED = 42;

    private BenchWorkload() {}

    /** Addresses unsubscribed here before the first run: about {@code share} of the org's people. */
    static Set<String> localUnsubscribes(OrgAdmin org, double share) {
        SplittableRandom random = new SplittableRandom(SEED);
        Set<String> emails = new LinkedHashSet<>();
        org.forEachPerson(person -> {
            if (random.nextDouble() < share && person.email() != null) {
                emails.add(person.email().toLowerCase(Locale.ROOT));
            }
        });
        return emails;
    }

    /** What changed since the last run: half the picked people opted out in Salesforce, half unsubscribed here. */
    record Changes(List<String> optedOutInSalesforce, Set<String> unsubscribedHere) {}

    static Changes changes(OrgAdmin org, double percent, Set<String> alreadyUnsubscribed) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<String> optedOut = new ArrayList<>();
        Set<String> unsubscribed = new LinkedHashSet<>();
        int[] picked = {0};
        org.forEachPerson(person -> {
            if (random.nextDouble() * 100 >= percent) {
                return;
            }
            if (picked[0]++ % 2 == 0) {
                if (!person.optedOut() && !person.converted()) {
                    optedOut.add(person.id());
                }
            } else if (person.email() != null
                    && !alreadyUnsubscribed.contains(person.email().toLowerCase(Locale.ROOT))) {
                unsubscribed.add(person.email().toLowerCase(Locale.ROOT));
            }
        });
        return new Changes(optedOut, unsubscribed);
    }

    /**
     * A burst: {@code count} addresses (fewer in a small org) of people neither opted out nor unsubscribed, and per
     * address the records that must end up opted out (converted leads are reached through their contact).
     */
    record Burst(List<String> emails, Map<String, List<String>> recordsByEmail) {
        int records() {
            return recordsByEmail.values().stream().mapToInt(List::size).sum();
        }
    }

    static Burst burst(OrgAdmin org, int count, Set<String> alreadyUnsubscribed) {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        int wanted = count + count / 20 + 1;
        List<String> reservoir = new ArrayList<>(wanted);
        long[] seen = {0};
        org.forEachPerson(person -> {
            if (person.optedOut()
                    || person.converted()
                    || person.email() == null
                    || alreadyUnsubscribed.contains(person.email().toLowerCase(Locale.ROOT))) {
                return;
            }
            long position = seen[0]++;
            if (reservoir.size() < wanted) {
                reservoir.add(person.email().toLowerCase(Locale.ROOT));
            } else {
                long slot = random.nextLong(position + 1);
                if (slot < wanted) {
                    reservoir.set((int) slot, person.email().toLowerCase(Locale.ROOT));
                }
            }
        });
        List<String> emails = new ArrayList<>(new LinkedHashSet<>(reservoir));
        emails = new ArrayList<>(emails.subList(0, Math.min(count, emails.size())));
        Set<String> chosen = Set.copyOf(emails);
        Map<String, List<String>> records = new HashMap<>();
        org.forEachPerson(person -> {
            String email = person.email() == null ? null : person.email().toLowerCase(Locale.ROOT);
            if (email != null && chosen.contains(email) && !person.optedOut() && !person.converted()) {
                records.computeIfAbsent(email, e -> new ArrayList<>()).add(person.id());
            }
        });
        emails.removeIf(email -> !records.containsKey(email));
        return new Burst(emails, records);
    }
}
