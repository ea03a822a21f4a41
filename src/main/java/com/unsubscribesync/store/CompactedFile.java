package com.unsubscribesync.store;

import java.time.Duration;

/** The store file's size before and after it was compacted, and how long that took. */
public record CompactedFile(long bytesBefore, long bytesAfter, Duration took) {}
