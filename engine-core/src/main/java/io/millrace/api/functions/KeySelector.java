package io.millrace.api.functions;

/**
 * Extracts the key of an element for {@code keyBy}. The key must be non-null and
 * deterministic, with {@code hashCode()} and {@code equals()} that depend only on its value
 * (not on identity), so that equal keys always reach the same parallel instance.
 *
 * @param <IN> element type
 * @param <KEY> key type
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
  /** Returns the key of {@code value}; never null. */
  KEY getKey(IN value) throws Exception;
}
