package io.millrace.benchmarks;

import io.millrace.api.sink.RichSinkFunction;

/**
 * Receives one count per fired window: counts the windows and sums the counts in plain fields,
 * and adds both to {@link RunCounters} once, in {@code close()}, as {@code id + "/windows"} and
 * {@code id + "/sum"}.
 */
final class WindowCountSink extends RichSinkFunction<Long> {
  private static final long serialVersionUID = 1L;

  private final String id;
  private long windows;
  private long sum;

  /** A sink reporting to the counters of run {@code id}. */
  WindowCountSink(String id) {
    this.id = id;
  }

  @Override
  public void invoke(Long count) {
    windows++;
    sum += count;
  }

  @Override
  public void close() {
    RunCounters.add(id + "/windows", windows);
    RunCounters.add(id + "/sum", sum);
    windows = 0;
    sum = 0;
  }
}
