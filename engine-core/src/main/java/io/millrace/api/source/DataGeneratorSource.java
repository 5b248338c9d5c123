package io.millrace.api.source;

import java.util.List;
import java.util.Objects;

/**
 * A parallel source of {@code count} generated elements, element {@code i} being
 * {@code generator.map(i)}; optionally rate limited; unbounded with
 * {@code count = Long.MAX_VALUE}. The indexes are split among the parallel instances and
 * their positions are checkpointed, so a deterministic generator rewinds exactly on restore.
 *
 * <pre>{@code
 * DataStream<Click> clicks = env.fromSource(
 *     new DataGeneratorSource<>(Click::generate, 1_000_000, RateLimiterStrategy.perSecond(50_000), Click.class),
 *     WatermarkStrategy.noWatermarks(), "clicks");
 * }</pre>
 *
 * @param <T> element type
 */
public final class DataGeneratorSource<T> implements Source<T, IndexRangeSplit, List<IndexRangeSplit>> {
  private static final long serialVersionUID = 1L;

  private final GeneratorFunction<Long, T> generator;
  private final long count;
  private final RateLimiterStrategy rateLimit;
  private final Class<T> type;

  /** {@code count} elements as fast as downstream takes them. */
  public DataGeneratorSource(GeneratorFunction<Long, T> generator, long count, Class<T> type) {
    this(generator, count, RateLimiterStrategy.noOp(), type);
  }

  /** {@code count} elements at the rate {@code rateLimit} allows. */
  public DataGeneratorSource(
      GeneratorFunction<Long, T> generator, long count, RateLimiterStrategy rateLimit, Class<T> type) {
    this.generator = Objects.requireNonNull(generator, "generator must not be null");
    if (count < 0) {
      throw new IllegalArgumentException(
          "count must not be negative, got " + count + "; use Long.MAX_VALUE for an unbounded source");
    }
    this.count = count;
    this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit must not be null");
    this.type = type;
  }

  /** The element type given to the constructor. */
  public Class<T> getProducedType() {
    return type;
  }

  @Override
  public Boundedness getBoundedness() {
    return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, List<IndexRangeSplit>> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return new IndexRangeEnumerator(
        context, IndexRangeEnumerator.split(0, count, context.currentParallelism()));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, List<IndexRangeSplit>> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> checkpoint) {
    return new IndexRangeEnumerator(context, checkpoint);
  }

  @Override
  public SourceReader<T, IndexRangeSplit> createReader(SourceReaderContext readerContext) {
    return new IndexRangeReader<>(readerContext, generator::map, rateLimit);
  }
}
