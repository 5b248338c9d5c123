package io.millrace.api.source;

import io.millrace.api.functions.Function;

/**
 * A source written as a loop: {@link #run} emits elements through the context until the input
 * ends (a bounded source returns) or {@link #cancel} is called. Runs with parallelism 1 unless
 * it implements {@link ParallelSourceFunction}.
 *
 * <pre>{@code
 * env.addSource(new SourceFunction<Long>() {
 *   private volatile boolean running = true;
 *   public void run(SourceContext<Long> ctx) {
 *     for (long i = 0; running && i < 1000; i++) ctx.collect(i);
 *   }
 *   public void cancel() { running = false; }
 * });
 * }</pre>
 *
 * <p>{@code run} is called on the subtask's own thread; records are handed downstream in
 * batches, so a source that waits for input between records should prefer the split-based
 * {@link Source}, which lets the engine flush while it waits.
 *
 * @param <T> element type
 */
public interface SourceFunction<T> extends Function {
  /** Emits elements until done or cancelled. */
  void run(SourceContext<T> ctx) throws Exception;

  /**
   * Asks {@link #run} to return soon. Called from another thread; typically sets a volatile
   * flag. The engine also interrupts a source thread blocked in the engine's own calls.
   */
  void cancel();

  /**
   * How a {@link SourceFunction} emits.
   *
   * @param <T> element type
   */
  interface SourceContext<T> {
    /** Emits {@code element} without a timestamp (or with one from a timestamp assigner). */
    void collect(T element);

    /** Emits {@code element} with the event timestamp {@code timestamp}. */
    void collectWithTimestamp(T element, long timestamp);

    /** Declares that no element with a timestamp at or below {@code watermark} follows. */
    void emitWatermark(long watermark);

    /** As {@link #emitWatermark(long)}, in Flink's form. */
    default void emitWatermark(io.millrace.api.eventtime.Watermark watermark) {
      emitWatermark(watermark.getTimestamp());
    }

    /** Declares this source idle, so downstream watermarks do not wait for it. */
    void markAsTemporarilyIdle();

    /**
     * A lock for sources that update their own state while emitting. Every call of this
     * context comes from the source's own thread, so holding it is optional in Millrace.
     */
    Object getCheckpointLock();

    /** Called by the engine when the source ends. */
    default void close() {}
  }
}
