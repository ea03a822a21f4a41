package com.unsubscribesync.intake;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Who sent a request: the peer, or, when the peer is a trusted reverse proxy, the last address it added to
 * {@code X-Forwarded-For} (the one it saw; earlier entries are the client's word and could be anything).
 */
final class ClientAddress {
    private final Set<InetAddress> trustedProxies;

    ClientAddress(Set<InetAddress> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    InetAddress of(HttpExchange exchange) {
        InetAddress peer = exchange.getRemoteAddress().getAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = exchange.getRequestHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isEmpty()) {
            return peer;
        }
        String[] hops = forwarded.get(forwarded.size() - 1).split(",");
        String last = hops[hops.length - 1].strip();
        // Only a literal address: getByName would look a host name up in the DNS.
        if (!last.matches("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}")) {
            return peer;
        }
        try {
            return InetAddress.getByName(last);
        } catch (UnknownHostException e) {
            return peer;
        }
    }
}
