package io.millrace.windows.internal.join;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.ProcessJoinFunction;
import io.millrace.runtime.operators.AbstractStreamOperator;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.TimestampedCollector;
import io.millrace.runtime.operators.TwoInputStreamOperator;
import io.millrace.runtime.time.InternalTimer;
import io.millrace.runtime.time.InternalTimerService;
import io.millrace.runtime.time.Triggerable;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.serialization.TypeSerializers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keyed two-input operator of {@code left.intervalJoin(right).between(lower, upper)}, with
 * Apache Flink's {@code IntervalJoinOperator} semantics:
 * <ul>
 *   <li>each side's elements wait in a keyed {@code MapState<timestamp, elements>} buffer;</li>
 *   <li>a left element {@code l} joins every buffered right {@code r} with
 *       {@code l.ts + lower <= r.ts <= l.ts + upper} (an exclusive bound is moved in by 1 ms at
 *       construction), a right element every buffered left element in the mirrored range; the
 *       result is stamped {@code max(l.ts, r.ts)};</li>
 *   <li>an element with a timestamp strictly below the operator's watermark is late: not
 *       buffered or joined, sent to its side's late-data output if set, else dropped;</li>
 *   <li>an element is dropped from its buffer by an event-time timer once no partner can still
 *       arrive on time: a left element at {@code l.ts + upper} (or {@code l.ts} if
 *       {@code upper <= 0}), a right element at {@code r.ts - lower} (or {@code r.ts} if
 *       {@code lower >= 0}).</li>
 * </ul>
 * Everything it holds is keyed state and timers, so it snapshots with the keyed backend.
 *
 * @param <K> key type
 * @param <T1> left type
 * @param <T2> right type
 * @param <OUT> output type
 */
public final class IntervalJoinOperator<K, T1, T2, OUT>
    extends AbstractStreamOperator<ProcessJoinFunction<T1, T2, OUT>, OUT>
    implements TwoInputStreamOperator<T1, T2, OUT>, Triggerable<K, IntervalJoinOperator.Side> {

  /** The namespace of a cleanup timer: which buffer it cleans. */
  public enum Side {
    LEFT,
    RIGHT
  }

  static final String LEFT_BUFFER = "_interval_join_left";
  static final String RIGHT_BUFFER = "_interval_join_right";

  private final long lowerBound;
  private final long upperBound;
  private final KeySelector<T1, K> leftKey;
  private final KeySelector<T2, K> rightKey;
  private final OutputTag<T1> leftLateTag;
  private final OutputTag<T2> rightLateTag;

  private KeyedStateBackend<K> backend;
  private MapState<Long, List<T1>> leftBuffer;
  private MapState<Long, List<T2>> rightBuffer;
  private InternalTimerService<K, Side> timers;
  private TimestampedCollector<OUT> collector;
  private ContextImpl joinContext;

  /**
   * @param lowerBound the lower bound in ms as the user gave it
   * @param upperBound the upper bound in ms as the user gave it; {@code lowerBound <= upperBound}
   * @param leftLateTag where late left elements go, or null to drop them
   * @param rightLateTag where late right elements go, or null to drop them
   */
  public IntervalJoinOperator(
      ProcessJoinFunction<T1, T2, OUT> function,
      long lowerBound, boolean lowerBoundInclusive,
      long upperBound, boolean upperBoundInclusive,
      KeySelector<T1, K> leftKey, KeySelector<T2, K> rightKey,
      OutputTag<T1> leftLateTag, OutputTag<T2> rightLateTag) {
    super(function);
    if (lowerBound > upperBound) {
      throw new IllegalArgumentException("interval join lower bound " + lowerBound + " ms must not be greater than the upper bound "
          + upperBound + " ms");
    }
    // Moving an exclusive bound in by one millisecond spares the per-pair inclusiveness checks.
    this.lowerBound = lowerBoundInclusive ? lowerBound : lowerBound + 1;
    this.upperBound = upperBoundInclusive ? upperBound : upperBound - 1;
    this.leftKey = leftKey;
    this.rightKey = rightKey;
    this.leftLateTag = leftLateTag;
    this.rightLateTag = rightLateTag;
  }

  @Override
  public void open() throws Exception {
    backend = context.keyedBackend();
    leftBuffer = backend.getOrCreateKeyedState(new MapStateDescriptor<Long, List<T1>>(LEFT_BUFFER, Long.class, null));
    rightBuffer = backend.getOrCreateKeyedState(new MapStateDescriptor<Long, List<T2>>(RIGHT_BUFFER, Long.class, null));
    timers = new InternalTimerService<>("interval-join-timers", TypeSerializers.forClass(Side.class), backend, context.clock(),
        context.mailbox(), this);
    context.services().registerTimerService(timers);
    collector = new TimestampedCollector<>(output);
    joinContext = new ContextImpl(userFunction);
    super.open();
  }

  @Override
  public void processElement1(T1 record, long timestamp) throws Exception {
    setCurrentKey(leftKey, record);
    checkTimestamp(timestamp, "left");
    if (timestamp < timers.currentWatermark()) {
      if (leftLateTag != null) {
        output.collect(leftLateTag, record, timestamp);
      }
      return;
    }
    addToBuffer(leftBuffer, record, timestamp);
    for (Map.Entry<Long, List<T2>> bucket : rightBuffer.entries()) {
      long rightTs = bucket.getKey();
      if (rightTs < timestamp + lowerBound || rightTs > timestamp + upperBound) {
        continue;
      }
      for (T2 right : bucket.getValue()) {
        collect(record, right, timestamp, rightTs);
      }
    }
    timers.registerEventTimeTimer(Side.LEFT, upperBound > 0 ? timestamp + upperBound : timestamp);
  }

  @Override
  public void processElement2(T2 record, long timestamp) throws Exception {
    setCurrentKey(rightKey, record);
    checkTimestamp(timestamp, "right");
    if (timestamp < timers.currentWatermark()) {
      if (rightLateTag != null) {
        output.collect(rightLateTag, record, timestamp);
      }
      return;
    }
    addToBuffer(rightBuffer, record, timestamp);
    for (Map.Entry<Long, List<T1>> bucket : leftBuffer.entries()) {
      long leftTs = bucket.getKey();
      if (leftTs < timestamp - upperBound || leftTs > timestamp - lowerBound) {
        continue;
      }
      for (T1 left : bucket.getValue()) {
        collect(left, record, leftTs, timestamp);
      }
    }
    timers.registerEventTimeTimer(Side.RIGHT, lowerBound < 0 ? timestamp - lowerBound : timestamp);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  /** A cleanup timer: drops the elements of one timestamp that can no longer find a partner. */
  @Override
  public void onEventTime(InternalTimer<K, Side> timer) throws Exception {
    long time = timer.timestamp();
    if (timer.namespace() == Side.LEFT) {
      leftBuffer.remove(upperBound <= 0 ? time : time - upperBound);
    } else {
      rightBuffer.remove(lowerBound <= 0 ? time + lowerBound : time);
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<K, Side> timer) {
    throw new IllegalStateException("an interval join registers no processing-time timers, but one fired: " + timer);
  }

  @Override
  public void close() throws Exception {
    if (timers != null) {
      timers.close();
    }
    super.close();
  }

  private <T> void setCurrentKey(KeySelector<T, K> keySelector, T record) {
    K key;
    try {
      key = keySelector.getKey(record);
    } catch (Throwable t) {
      throw failure(t);
    }
    backend.setCurrentKey(key);
  }

  private void checkTimestamp(long timestamp, String side) {
    if (timestamp == Output.NO_TIMESTAMP) {
      throw failure(new IllegalStateException("an interval join needs event timestamps, but a " + side
          + " element has none: assign them with assignTimestampsAndWatermarks(...) or a source that sets them"));
    }
  }

  private static <T> void addToBuffer(MapState<Long, List<T>> buffer, T element, long timestamp) throws Exception {
    List<T> bucket = buffer.get(timestamp);
    if (bucket == null) {
      bucket = new ArrayList<>(2);
    }
    bucket.add(element);
    buffer.put(timestamp, bucket);
  }

  private void collect(T1 left, T2 right, long leftTs, long rightTs) {
    long resultTs = Math.max(leftTs, rightTs);
    joinContext.set(leftTs, rightTs, resultTs);
    collector.setTimestamp(resultTs);
    try {
      userFunction.processElement(left, right, joinContext, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  private final class ContextImpl extends ProcessJoinFunction<T1, T2, OUT>.Context {
    private long leftTs;
    private long rightTs;
    private long resultTs;

    ContextImpl(ProcessJoinFunction<T1, T2, OUT> function) {
      function.super();
    }

    void set(long left, long right, long result) {
      this.leftTs = left;
      this.rightTs = right;
      this.resultTs = result;
    }

    @Override
    public long getLeftTimestamp() {
      return leftTs;
    }

    @Override
    public long getRightTimestamp() {
      return rightTs;
    }

    @Override
    public long getTimestamp() {
      return resultTs;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, resultTs);
    }
  }
}
