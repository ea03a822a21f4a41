package com.unsubscribesync.intake;

import com.unsubscribesync.usecase.ApiKeys;
import com.unsubscribesync.usecase.RecordApiUnsubscribes;

/** What {@code POST /api/unsubscribes} needs: the keys to check callers by, and where their unsubscribes go. */
public record IntakeApi(ApiKeys keys, RecordApiUnsubscribes unsubscribes) {}
