package com.unsubscribesync.sync;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a serve node calls itself in the store's claims: the host and process make it readable in the tables, the
 * random part keeps it unique when a restarted process gets its old process id back.
 */
final class NodeName {
    private NodeName() {}

    static String ofThisProcess() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME"))
                .or(() -> Optional.ofNullable(System.getenv("COMPUTERNAME")))
                .orElse("host");
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return host + "-" + ProcessHandle.current().pid() + "-" + random;
    }
}
