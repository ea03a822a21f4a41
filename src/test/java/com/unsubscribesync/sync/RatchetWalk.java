package com.unsubscribesync.sync;

import com.unsubscribesync.domain.OptOutField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Applies steps to a world one by one and checks each against the reference; a failure tells how to get there. */
final class RatchetWalk {
    private final RatchetWorld world;
    private final RatchetReference reference;
    private final String origin;
    private final List<String> log = new ArrayList<>();
    private RatchetSnapshot now;

    /** @param origin how to reproduce the walk, e.g. its seed */
    RatchetWalk(RatchetWorld world, String origin) {
        this.world = world;
        this.reference = new RatchetReference(
                world.field == OptOutField.EMAIL_OPT_OUT
                        ? RatchetStep.Box.EMAIL_OPT_OUT
                        : RatchetStep.Box.MARKETO_SALES_OPT_OUT);
        this.origin = origin;
        this.now = world.observe();
        log.add("field " + world.field + ", records " + now.records().values());
    }

    RatchetSnapshot now() {
        return now;
    }

    void step(RatchetStep step, Duration pauseBefore) {
        world.pause(pauseBefore);
        log.add(step.toString());
        RatchetSnapshot before = now;
        try {
            world.apply(step);
            now = world.observe();
            reference.check(step, before, now, world.lastRun());
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    origin + ", step " + (log.size() - 1) + " broke the ratchet: " + e.getMessage() + "\nsteps:\n  "
                            + String.join("\n  ", log),
                    e);
        }
    }
}
