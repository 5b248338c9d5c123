package io.millrace.state;

/**
 * One value per key, combined with each added value by the descriptor's
 * {@link io.millrace.api.functions.ReduceFunction}.
 *
 * @param <T> the value type
 */
public interface ReducingState<T> extends MergingState<T, T> {}
