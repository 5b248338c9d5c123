package io.millrace.conformance;

import java.io.Serializable;

/**
 * One event line of a scenario's {@code input.jsonl}, as it travels through the job under test.
 *
 * @param id unique over both streams of the scenario; outputs name events by it
 * @param key the {@code key} field
 * @param ts the event timestamp, also the record timestamp the source emits it with
 * @param value the {@code value} field (0 when absent)
 * @param type the {@code type} field ({@code ""} when absent)
 */
record Event(long id, String key, long ts, long value, String type) implements Serializable {}
