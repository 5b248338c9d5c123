package io.millrace.api.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads index ranges, emitting {@code function(index)} for each index, optionally rate
 * limited. Emits at most {@link #MAX_PER_POLL} records per poll so the engine keeps control.
 *
 * @param <T> element type
 */
final class IndexRangeReader<T> implements SourceReader<T, IndexRangeSplit> {
  static final int MAX_PER_POLL = 1024;

  /** Maps an index to an element without boxing for the built-in sequence source. */
  interface IndexMapper<T> {
    /** The element for {@code index}. */
    T map(long index) throws Exception;
  }

  private final SourceReaderContext context;
  private final IndexMapper<T> mapper;
  private final Deque<IndexRangeSplit> splits = new ArrayDeque<>();
  /** Nanoseconds between two records of this reader; 0 without a rate limit. */
  private final long nanosPerRecord;
  private long nextEmitNanos;
  private boolean noMoreSplits;
  private CompletableFuture<Void> availability = new CompletableFuture<>();

  IndexRangeReader(SourceReaderContext context, IndexMapper<T> mapper, RateLimiterStrategy rateLimit) {
    this.context = context;
    this.mapper = mapper;
    this.nanosPerRecord = rateLimit.isLimited()
        ? (long) (1e9 * context.currentParallelism() / rateLimit.recordsPerSecond())
        : 0;
  }

  @Override
  public void start() {
    nextEmitNanos = System.nanoTime();
    context.sendSplitRequest();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    IndexRangeSplit split = splits.peek();
    if (split == null) {
      if (noMoreSplits) {
        return InputStatus.END_OF_INPUT;
      }
      if (availability.isDone()) {
        availability = new CompletableFuture<>();
      }
      return InputStatus.NOTHING_AVAILABLE;
    }
    long index = split.next();
    long limit = Math.min(split.end(), index + permittedRecords());
    if (limit == index) {
      availability = new CompletableFuture<>();
      long waitNanos = Math.max(nextEmitNanos - System.nanoTime(), 1);
      CompletableFuture.delayedExecutor(waitNanos, TimeUnit.NANOSECONDS, Runnable::run)
          .execute(() -> availability.complete(null));
      return InputStatus.NOTHING_AVAILABLE;
    }
    try {
      for (; index < limit; index++) {
        output.collect(mapper.map(index));
      }
    } finally {
      split.advanceTo(index);
    }
    if (index == split.end()) {
      splits.poll();
      context.sendSplitRequest();
    }
    return InputStatus.MORE_AVAILABLE;
  }

  /** How many records may be emitted now. */
  private long permittedRecords() {
    if (nanosPerRecord == 0) {
      return MAX_PER_POLL;
    }
    long now = System.nanoTime();
    if (now < nextEmitNanos) {
      return 0;
    }
    if (now - nextEmitNanos > 1_000_000_000L) {
      // After a stall (backpressure, a pause) do not burst to catch up more than a second.
      nextEmitNanos = now - 1_000_000_000L;
    }
    long due = Math.min(MAX_PER_POLL, 1 + (now - nextEmitNanos) / nanosPerRecord);
    nextEmitNanos += due * nanosPerRecord;
    return due;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return availability;
  }

  @Override
  public void addSplits(List<IndexRangeSplit> newSplits) {
    splits.addAll(newSplits);
    availability.complete(null);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    availability.complete(null);
  }

  @Override
  public List<IndexRangeSplit> snapshotState(long checkpointId) {
    List<IndexRangeSplit> copy = new ArrayList<>(splits.size());
    splits.forEach(split -> copy.add(split.copy()));
    return copy;
  }

  @Override
  public void close() {}
}
