package io.millrace.api.source;

import java.util.List;

/**
 * A parallel, bounded source of the numbers {@code from..to} (inclusive); what
 * {@code env.fromSequence(from, to)} uses. The numbers are split into one range per parallel
 * instance, and readers take ranges as they ask for them (a reader that finishes early may
 * take a second one). Each range's position is checkpointed, so the source rewinds exactly on
 * restore. Order holds within a range only.
 */
public final class NumberSequenceSource implements Source<Long, IndexRangeSplit, List<IndexRangeSplit>> {
  private static final long serialVersionUID = 1L;

  private final long from;
  private final long to;

  /** The numbers {@code from..to}, both inclusive. */
  public NumberSequenceSource(long from, long to) {
    if (to < from) {
      throw new IllegalArgumentException(
          "fromSequence needs from <= to, got from=" + from + ", to=" + to);
    }
    if (to == Long.MAX_VALUE) {
      throw new IllegalArgumentException(
          "fromSequence's upper bound must be below Long.MAX_VALUE, got to=" + to
              + "; use a DataGeneratorSource for an unbounded sequence");
    }
    this.from = from;
    this.to = to;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, List<IndexRangeSplit>> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return new IndexRangeEnumerator(
        context, IndexRangeEnumerator.split(from, to + 1, context.currentParallelism()));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, List<IndexRangeSplit>> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> checkpoint) {
    return new IndexRangeEnumerator(context, checkpoint);
  }

  @Override
  public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext readerContext) {
    return new IndexRangeReader<>(readerContext, Long::valueOf, RateLimiterStrategy.noOp());
  }
}
