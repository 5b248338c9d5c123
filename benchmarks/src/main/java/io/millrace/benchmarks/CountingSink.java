package io.millrace.benchmarks;

import io.millrace.api.sink.RichSinkFunction;

/**
 * Counts the records its subtask receives in a plain field and adds the total to
 * {@link RunCounters} once, in {@code close()}: no shared write per record.
 *
 * @param <T> element type
 */
public final class CountingSink<T> extends RichSinkFunction<T> {
  private static final long serialVersionUID = 1L;

  private final String counterId;
  private long count;

  /** A sink reporting to the counter {@code counterId}. */
  public CountingSink(String counterId) {
    this.counterId = counterId;
  }

  @Override
  public void invoke(T value) {
    count++;
  }

  @Override
  public void close() {
    RunCounters.add(counterId, count);
    count = 0;
  }
}
