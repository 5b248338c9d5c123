package io.millrace.runtime.graph;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.Source;
import io.millrace.api.source.SourceFunction;
import java.util.List;

/**
 * A source: either a {@link SourceFunction} loop or a split-based {@link Source}.
 *
 * @param <T> element type
 */
public final class SourceTransformation<T> extends Transformation<T> {
  private final SourceFunction<T> sourceFunction;
  private final Source<T, ?, ?> source;
  private final boolean parallel;
  private final WatermarkStrategy<T> watermarkStrategy;

  private SourceTransformation(
      int id, String functionDescription, int generation,
      SourceFunction<T> sourceFunction, Source<T, ?, ?> source, boolean parallel, WatermarkStrategy<T> watermarkStrategy) {
    super(id, "source", functionDescription, generation);
    this.sourceFunction = sourceFunction;
    this.source = source;
    this.parallel = parallel;
    this.watermarkStrategy = watermarkStrategy;
  }

  /** A source running {@code function}. */
  public static <T> SourceTransformation<T> ofFunction(
      int id, String description, int generation, SourceFunction<T> function, boolean parallel) {
    return new SourceTransformation<>(id, description, generation, function, null, parallel, null);
  }

  /** A split-based source with its watermark strategy. */
  public static <T> SourceTransformation<T> ofSource(
      int id, String description, int generation, Source<T, ?, ?> source, WatermarkStrategy<T> strategy) {
    return new SourceTransformation<>(id, description, generation, null, source, true, strategy);
  }

  /** The watermark strategy of a split-based source (null for a source function). */
  public WatermarkStrategy<T> watermarkStrategy() {
    return watermarkStrategy;
  }

  /** The source function, or null for a split-based source. */
  public SourceFunction<T> sourceFunction() {
    return sourceFunction;
  }

  /** The split-based source, or null for a source function. */
  public Source<T, ?, ?> source() {
    return source;
  }

  /** Whether the source may run with parallelism above 1. */
  public boolean isParallel() {
    return parallel;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of();
  }
}
