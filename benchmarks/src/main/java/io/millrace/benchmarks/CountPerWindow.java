package io.millrace.benchmarks;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.benchmarks.workload.Click;

/**
 * Counts the clicks of a window in a one-element {@code long[]} that {@code add} mutates in
 * place: one allocation per window, no boxing per click. Mergeable, for session windows.
 */
final class CountPerWindow implements AggregateFunction<Click, long[], Long> {
  private static final long serialVersionUID = 1L;

  @Override
  public long[] createAccumulator() {
    return new long[1];
  }

  @Override
  public long[] add(Click click, long[] count) {
    count[0]++;
    return count;
  }

  @Override
  public Long getResult(long[] count) {
    return count[0];
  }

  @Override
  public long[] merge(long[] a, long[] b) {
    a[0] += b[0];
    return a;
  }
}
