package io.millrace.api.functions;

/**
 * An incremental aggregation with an accumulator: {@code createAccumulator}, then {@code add}
 * for each input, {@code getResult} when a result is needed and {@code merge} when two
 * accumulators meet (merging session windows).
 *
 * <pre>{@code
 * class Average implements AggregateFunction<Double, double[], Double> {
 *   public double[] createAccumulator() { return new double[2]; }
 *   public double[] add(Double v, double[] acc) { acc[0] += v; acc[1]++; return acc; }
 *   public Double getResult(double[] acc) { return acc[0] / acc[1]; }
 *   public double[] merge(double[] a, double[] b) { a[0] += b[0]; a[1] += b[1]; return a; }
 * }
 * }</pre>
 *
 * @param <IN> input type
 * @param <ACC> accumulator type; it may be mutated and returned by {@code add}/{@code merge}
 * @param <OUT> result type
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
  /** Returns a new, empty accumulator. */
  ACC createAccumulator();

  /** Adds {@code value} to {@code accumulator} and returns the (possibly same) accumulator. */
  ACC add(IN value, ACC accumulator);

  /** Returns the result for {@code accumulator}; must not change it. */
  OUT getResult(ACC accumulator);

  /** Merges two accumulators and returns the result (which may be one of them). */
  ACC merge(ACC a, ACC b);
}
