package com.unsubscribesync.usecase;

/**
 * Whoever presented a valid intake API key: the key's name, and its public id to count its uses by.
 *
 * @param keyId the public part of the key, never its secret
 */
public record ApiCaller(String name, String keyId) {
    /** How the caller's unsubscribes show in history and the list. */
    public String actor() {
        return "api:" + name;
    }
}
