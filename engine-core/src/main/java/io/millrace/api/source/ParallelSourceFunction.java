package io.millrace.api.source;

/**
 * A {@link SourceFunction} that may run with parallelism above 1: each parallel instance runs
 * its own {@code run} loop and should emit its own share (see
 * {@code getRuntimeContext().getIndexOfThisSubtask()} in a {@link RichParallelSourceFunction}).
 *
 * @param <T> element type
 */
public interface ParallelSourceFunction<T> extends SourceFunction<T> {}
