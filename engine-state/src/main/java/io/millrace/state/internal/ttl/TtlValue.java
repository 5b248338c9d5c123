package io.millrace.state.internal.ttl;

/**
 * A user value and the processing time of its last access, as stored by states with TTL (per
 * value; per element of a list; per entry of a map). Immutable: a refresh stores a new one.
 *
 * @param userValue the user's value; may be {@code null} only for map values
 * @param lastAccessTimestamp processing time in epoch milliseconds of the last refresh
 * @param <T> the user value type
 */
public record TtlValue<T>(T userValue, long lastAccessTimestamp) {}
