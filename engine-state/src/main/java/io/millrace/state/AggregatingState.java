package io.millrace.state;

/**
 * One accumulator per key, updated with each added value by the descriptor's
 * {@link io.millrace.api.functions.AggregateFunction}; {@link #get()} returns its result.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the result type
 */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
