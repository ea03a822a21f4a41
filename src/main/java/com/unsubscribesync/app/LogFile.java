package com.unsubscribesync.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import com.unsubscribesync.files.OwnerOnly;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Sends the log to a file in the data directory; stdout stays clean for data and JSON. */
final class LogFile {
    static final String NAME = "unsubscribe-sync.log";

    private LogFile() {}

    static Path attach(Path dataDirectory) {
        Path file = dataDirectory.resolve(NAME);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("file") != null) {
            return file;
        }
        // Logback would create it with the umask's mode (often 0644); it names people and orgs.
        OwnerOnly.createFile(file);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new FileAppender<>();
        appender.setName("file");
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        return file;
    }
}
