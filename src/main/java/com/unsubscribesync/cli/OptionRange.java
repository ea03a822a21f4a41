package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;

/** A whole-number option that must lie between two bounds, both included. */
final class OptionRange {
    private OptionRange() {}

    /** Throws the one-line bad-input error when {@code value} of {@code option} lies outside {@code min}..{@code max}. */
    static void require(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException(option + " " + value + " is out of range: use " + min + " to " + max);
        }
    }
}
