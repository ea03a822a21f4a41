package com.unsubscribesync.localorg.state;

import java.security.SecureRandom;

/** The secrets this org accepts: its OAuth client and its local user's password. Made fresh for each new org. */
public record OrgCredentials(String orgId, String username, String password, String clientId, String clientSecret) {
    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static OrgCredentials generate() {
        SecureRandom random = new SecureRandom();
        String password = "Lo-" + text(random, ALNUM, 16);
        String clientId = "3MVG9" + text(random, ALNUM + "._", 80);
        String secret = text(random, "0123456789ABCDEF", 64);
        return new OrgCredentials(RecordIds.idOf("00D", 0), "admin@localorg.example", password, clientId, secret);
    }

    private static String text(SecureRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "OrgCredentials[orgId=" + orgId + ", username=" + username + "]";
    }
}
