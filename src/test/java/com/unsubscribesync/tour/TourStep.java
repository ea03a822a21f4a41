package com.unsubscribesync.tour;

/**
 * One stop of the tour: what the admin does to get there, then a screenshot named after it and the checks that
 * nothing is cut off.
 *
 * @param name   the screenshot's name after the size and the number, e.g. {@code integrations}
 * @param action brings the console into the state to photograph; it fails when its target is not there
 */
record TourStep(String name, Action action) {

    /** What the admin does, through the tour's real mouse and keyboard. */
    @FunctionalInterface
    interface Action {
        void on(Tour tour) throws Exception;
    }
}
