package com.unsubscribesync.sync;

import com.unsubscribesync.localorg.PersonView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** Draws the next step of a random walk from what the world holds now; few addresses, so steps collide. */
final class RandomSteps {
    static final List<String> ADDRESSES =
            List.of("ann@acme.test", "bo@acme.test", "cy@acme.test", "di@acme.test", "ed@acme.test");
    /** Addresses only Salesforce has, so that an opt-out reached through a link or merge is not masked. */
    private static final List<String> SALESFORCE_ONLY =
            List.of("fay@globex.test", "gus@globex.test", "hal@globex.test", "ida@globex.test");

    private final Random random;

    RandomSteps(Random random) {
        this.random = random;
    }

    /** An address as a Salesforce user might type it: sometimes with capitals. */
    String address() {
        String address = pick(random.nextBoolean() ? ADDRESSES : SALESFORCE_ONLY);
        return random.nextInt(3) == 0
                ? address.substring(0, 1).toUpperCase(Locale.ROOT) + address.substring(1)
                : address;
    }

    RatchetStep next(RatchetSnapshot now) {
        List<PersonView> live =
                now.records().values().stream().filter(r -> !r.deleted()).toList();
        List<PersonView> leads = live.stream()
                .filter(r -> r.objectType().equals("Lead") && !r.converted())
                .toList();
        int roll = random.nextInt(100);
        if (roll < 10) {
            return new RatchetStep.UnsubscribeHere(pick(ADDRESSES));
        }
        if (roll < 20 && !live.isEmpty()) {
            return new RatchetStep.OptOutInSalesforce(pick(live).id(), box());
        }
        if (roll < 28 && !live.isEmpty()) {
            return new RatchetStep.UncheckInSalesforce(pick(live).id(), box());
        }
        if (roll < 34 && !leads.isEmpty()) {
            List<PersonView> contacts =
                    live.stream().filter(r -> r.objectType().equals("Contact")).toList();
            Optional<String> into = contacts.isEmpty() || random.nextBoolean()
                    ? Optional.empty()
                    : Optional.of(pick(contacts).id());
            return new RatchetStep.ConvertLead(pick(leads).id(), into);
        }
        if (roll < 41 && !live.isEmpty()) {
            Optional<RatchetStep> merge = merge(live);
            if (merge.isPresent()) {
                return merge.get();
            }
        }
        if (roll < 44 && !live.isEmpty()) {
            return new RatchetStep.Delete(pick(live).id());
        }
        if (roll < 50) {
            return new RatchetStep.Resubscribe(pick(ADDRESSES), random.nextBoolean());
        }
        if (roll < 60) {
            return new RatchetStep.Push();
        }
        if (roll < 72) {
            return new RatchetStep.NightlyRun(random.nextInt(6) == 0);
        }
        if (roll < 76) {
            return new RatchetStep.Restart();
        }
        if (roll < 84 && !now.records().isEmpty()) {
            return new RatchetStep.LinkPerson(
                    pick(ADDRESSES), pick(List.copyOf(now.records().keySet())));
        }
        return new RatchetStep.AddRecord(random.nextBoolean(), address());
    }

    private Optional<RatchetStep> merge(List<PersonView> live) {
        PersonView winner = pick(live);
        List<PersonView> losers = live.stream()
                .filter(r -> r.objectType().equals(winner.objectType())
                        && !r.id().equals(winner.id())
                        && !r.converted()
                        && !winner.converted())
                .toList();
        return losers.isEmpty()
                ? Optional.empty()
                : Optional.of(new RatchetStep.Merge(winner.id(), pick(losers).id()));
    }

    private RatchetStep.Box box() {
        return random.nextBoolean() ? RatchetStep.Box.MARKETO_SALES_OPT_OUT : RatchetStep.Box.EMAIL_OPT_OUT;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
