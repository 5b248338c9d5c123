package io.millrace.examples.anomaly;

import io.millrace.api.functions.AggregateFunction;

/** Counts and sums the samples of a window exactly: count, sum, sum of squares, maximum. */
public class StatsAggregator implements AggregateFunction<MetricEvent, StatsAggregator.Sums, StatsAggregator.Sums> {

  /** The running sums of a window. */
  public record Sums(long count, long sum, long sumOfSquares, long max) {}

  @Override
  public Sums createAccumulator() {
    return new Sums(0, 0, 0, Long.MIN_VALUE);
  }

  @Override
  public Sums add(MetricEvent event, Sums sums) {
    long v = event.value();
    return new Sums(sums.count() + 1, sums.sum() + v, sums.sumOfSquares() + v * v, Math.max(sums.max(), v));
  }

  @Override
  public Sums getResult(Sums sums) {
    return sums;
  }

  @Override
  public Sums merge(Sums a, Sums b) {
    return new Sums(a.count() + b.count(), a.sum() + b.sum(), a.sumOfSquares() + b.sumOfSquares(), Math.max(a.max(), b.max()));
  }
}
