package com.unsubscribesync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One-click POSTs over plain keep-alive sockets, all driven by one selector thread: the load generator shares the
 * cores with the intake it measures, so it must cost next to nothing a click (no thread, no connection, no parser
 * per request, as {@link java.net.http.HttpClient} on two cores had: a thread started for every answer). A click
 * waits for a free connection, or a new one is opened up to {@link #MOST}, as many mail providers would.
 */
final class ClickConnections implements AutoCloseable {
    /** Connections open at most: a burst whose answers wait for their commit keeps a connection each meanwhile. */
    static final int MOST = 4096;

    private static final byte[] BODY = "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII);

    /** What came back for one request: the status (0 when the connection failed) and its Retry-After. */
    record Answer(int status, OptionalLong retryAfterSeconds) {}

    private record Request(String path, Consumer<Answer> answered) {}

    private final InetSocketAddress server;
    private final String host;
    private final Selector selector;
    private final Queue<Request> ready = new ConcurrentLinkedQueue<>();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Thread loop;
    private volatile boolean closing;
    private int open;

    ClickConnections(URI anyLink) {
        this.server = new InetSocketAddress(anyLink.getHost(), anyLink.getPort());
        this.host = anyLink.getHost() + ":" + anyLink.getPort();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("the load generator could not open a selector", e);
        }
        this.loop = new Thread(this::run, "bench-click-connections");
        loop.setDaemon(true);
        loop.start();
    }

    /** Sends a POST of the one-click body to the link's path; {@code answered} is called on the selector thread. */
    void post(URI link, Consumer<Answer> answered) {
        ready.add(new Request(link.getRawPath(), answered));
        selector.wakeup();
    }

    private void run() {
        try {
            while (!closing) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).ready(key);
                }
                selector.selectedKeys().clear();
                for (Request next = ready.peek(); next != null; next = ready.peek()) {
                    Connection connection = idle.pollFirst();
                    if (connection == null) {
                        if (open >= MOST) {
                            break;
                        }
                        connection = new Connection();
                    }
                    ready.poll();
                    connection.send(next);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the load generator's selector failed", e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                ((Connection) key.attachment()).close();
            }
        }
    }

    /** One keep-alive connection: one request at a time, its answer read before the next is sent. */
    private final class Connection {
        private final SocketChannel channel;
        private final SelectionKey key;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(1024);
        private Request current;
        private boolean reused;

        Connection() throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            boolean connected = channel.connect(server);
            key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, this);
            open++;
        }

        void send(Request request) {
            current = request;
            byte[] head = ("POST " + request.path() + " HTTP/1.1\r\nHost: " + host
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + BODY.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            out = ByteBuffer.allocate(head.length + BODY.length)
                    .put(head)
                    .put(BODY)
                    .flip();
            in.clear();
            if (channel.isConnected()) {
                write();
            }
        }

        void ready(SelectionKey ready) {
            try {
                if (ready.isConnectable() && channel.finishConnect()) {
                    write();
                } else if (ready.isWritable()) {
                    write();
                } else if (ready.isReadable()) {
                    read();
                }
            } catch (IOException e) {
                lost();
            }
        }

        private void write() {
            try {
                channel.write(out);
            } catch (IOException e) {
                lost();
                return;
            }
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                lost();
                return;
            }
            String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            String[] lines = text.substring(0, end).split("\r\n");
            long length = 0;
            OptionalLong retryAfter = OptionalLong.empty();
            boolean keepAlive = true;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, Math.max(0, colon)).strip().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "retry-after" -> retryAfter = OptionalLong.of(Long.parseLong(value));
                    case "connection" -> keepAlive = !"close".equalsIgnoreCase(value);
                    case "transfer-encoding" -> keepAlive = false;
                    default -> {}
                }
            }
            if (in.position() < end + 4 + length) {
                return;
            }
            Request answered = current;
            current = null;
            reused = true;
            if (keepAlive) {
                key.interestOps(0);
                idle.addLast(this);
            } else {
                close();
            }
            answered.answered().accept(new Answer(Integer.parseInt(lines[0].split(" ")[1]), retryAfter));
        }

        /** The connection broke: a request on a reused one is sent again (the server closed it while idle). */
        private void lost() {
            Request request = current;
            boolean wasReused = reused;
            close();
            idle.remove(this);
            if (request != null) {
                if (wasReused) {
                    ready.add(request);
                } else {
                    request.answered().accept(new Answer(0, OptionalLong.empty()));
                }
            }
        }

        void close() {
            if (channel.isOpen()) {
                open--;
                key.cancel();
                try {
                    channel.close();
                } catch (IOException e) {
                    // Closing anyway.
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            loop.join(5_000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The selector goes with the process.
        }
    }
}
