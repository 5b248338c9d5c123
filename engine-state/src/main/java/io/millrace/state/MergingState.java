package io.millrace.state;

/**
 * Appending state whose contents for two namespaces (e.g. two session windows) can be merged.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of what {@link #get()} returns
 */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
