package io.millrace.windows.internal.operator;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.Function;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.runtime.operators.AbstractStreamOperator;
import io.millrace.runtime.operators.OneInputStreamOperator;
import io.millrace.runtime.operators.TimestampedCollector;
import io.millrace.runtime.time.InternalTimer;
import io.millrace.runtime.time.InternalTimerService;
import io.millrace.runtime.time.Triggerable;
import io.millrace.state.KeyedStateStore;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.VoidNamespaceSerializer;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.util.ArrayList;
import java.util.List;

/**
 * The window operator for aligned event-time windows (tumbling, sliding) with their default
 * trigger, no evictor and an incremental function: the observable behaviour of
 * {@link WindowOperator} (Flink's {@code WindowOperator}) for that configuration, with the work
 * shared per slice.
 *
 * <p><b>Slices.</b> Time is cut into slices of {@code gcd(size, slide)} aligned to the offset;
 * every window is exactly {@code size / slice} consecutive slices (a tumbling window is one
 * slice). Per key, keyed state with the slice as namespace holds one value per slice (the
 * aggregate's accumulator, or the reduced value). An element updates its one slice, whatever
 * the number of windows it belongs to.
 *
 * <p><b>Windows.</b> A window exists, as in the general operator, once a slice of it receives an
 * element while the window is not late ({@code maxTimestamp + allowedLateness <= watermark}).
 * Its timers are those the general operator's trigger and cleanup would set: one at
 * {@code maxTimestamp} to fire (unless the watermark has passed it) and one at
 * {@code maxTimestamp + allowedLateness} to clean up (the same timer without lateness), with the
 * window as namespace. They are set when one of its slices is created, not per element: a later
 * element of an existing slice would only set the same timers again. Firing merges the
 * window's slices, oldest first, and calls the window function with the window, the watermark
 * and output timestamp {@code maxTimestamp} as the general operator does.
 *
 * <p><b>Lateness.</b> An element is dropped (or side-output) only when all its windows are late;
 * otherwise it goes into its slice, and each of its windows the watermark has passed but which
 * are not late (allowed lateness) fires at once, latest window first, as the general operator's
 * trigger would. Windows that were late when the element came were already cleaned up and never
 * fire again, so the element reaches exactly the windows the general operator gives it.
 *
 * <p><b>Cleanup.</b> At a window's cleanup the window function clears its per-window state, and
 * the slices no later window contains (the window's first {@code slide}) are dropped: every
 * slice belongs to the latest window containing it, which was not late when the slice was
 * created and so has a cleanup timer; earlier windows clean up earlier. State returns to zero.
 *
 * <p>Runs on the task's thread only.
 *
 * @param <K> key type
 * @param <IN> element type
 * @param <ACC> a slice's stored value
 * @param <V> what the window function receives
 * @param <OUT> output type
 */
public final class SlicingWindowOperator<K, IN, ACC, V, OUT>
    extends AbstractStreamOperator<Function, OUT>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<K, TimeWindow> {

  private static final String SLICES_STATE = "window-slices";

  private final SlicingWindowOperatorSpec<K, IN, ACC, V, OUT> spec;
  private final long size;
  private final long slide;
  private final long slice;
  private final long offset;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataTag;
  private final SliceAggregator<IN, ACC, V> aggregator;
  private final InternalWindowFunction<V, OUT, K, TimeWindow> windowFunction;
  /** The slice values of the window being fired, oldest first; reused. */
  private final List<ACC> windowSlices = new ArrayList<>();

  private KeyedStateBackend<K> backend;
  private InternalTimerService<K, TimeWindow> timers;
  private ValueState<ACC> slices;
  private InternalKvState<Object> slicesNamespace;
  private TimestampedCollector<OUT> collector;
  private WindowContext windowContext;
  private long numLateRecordsDropped;
  /**
   * Whether the state was restored. A restored operator starts at watermark
   * {@code Long.MIN_VALUE} (watermarks are not in checkpoints), so an element within the allowed
   * lateness of a window that fired before the checkpoint is not seen as behind the watermark;
   * registering the window's timers for every element (the timer queue drops duplicates) fires
   * the window again at the next watermark, as the general operator's trigger does.
   */
  private boolean restored;

  SlicingWindowOperator(
      SlicingWindowOperatorSpec<K, IN, ACC, V, OUT> spec, Function userFunction, InternalWindowFunction<V, OUT, K, TimeWindow> windowFunction) {
    super(userFunction);
    this.spec = spec;
    this.size = spec.size();
    this.slide = spec.slide();
    this.slice = spec.sliceLength();
    this.offset = spec.offset();
    this.allowedLateness = spec.allowedLateness();
    this.lateDataTag = spec.lateDataTag();
    this.aggregator = spec.aggregator();
    this.windowFunction = windowFunction;
  }

  /**
   * The slices' serializer: the one derived for the accumulator's class when it is final (no
   * class name per value, and immutable types need no copy when a snapshot runs), else generic.
   */
  @SuppressWarnings("unchecked")
  private TypeSerializer<ACC> sliceSerializer() {
    Class<?> sliceClass = aggregator.sliceClass();
    if (sliceClass != null) {
      try {
        return (TypeSerializer<ACC>) TypeSerializers.forClass(sliceClass);
      } catch (RuntimeException e) {
        // a class the built-in serializers do not cover: the generic one handles what it can
      }
    }
    return TypeSerializers.generic();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    backend = context.keyedBackend();
    restored = context.services().restored();
    timers = new InternalTimerService<>("window-timers", TimeWindow.Serializer.INSTANCE, backend, context.clock(),
        context.mailbox(), this);
    context.services().registerTimerService(timers);
    slices = backend.getOrCreateKeyedState(
        TimeWindow.Serializer.INSTANCE, new ValueStateDescriptor<ACC>(SLICES_STATE, sliceSerializer()));
    slicesNamespace = (InternalKvState<Object>) slices;
    collector = new TimestampedCollector<>(output);
    windowContext = new WindowContext();
    super.open();
  }

  // ------------------------------------------------------------------------------- elements

  @Override
  public void processElement(IN element, long timestamp) {
    try {
      if (timestamp == Long.MIN_VALUE) {
        // No timestamp: let the assigner fail with its own message, as in the general operator.
        spec.assigner().assignWindows(element, timestamp, null);
      }
      backend.setCurrentKey(spec.keySelector().getKey(element));
      long watermark = timers.currentWatermark();
      long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
      // The latest window is the last to become late: when it is, all of the element's windows are.
      if (cleanupTime(lastStart + size - 1) <= watermark) {
        if (timestamp + allowedLateness <= watermark) {
          if (lateDataTag != null) {
            output.collect(lateDataTag, element, timestamp);
          } else {
            numLateRecordsDropped++;
          }
        }
        return;
      }
      long sliceStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slice);
      slicesNamespace.setCurrentNamespace(new TimeWindow(sliceStart, sliceStart + slice));
      ACC current = slices.value();
      slices.update(aggregator.add(element, current));
      if (current == null || restored) {
        registerTimers(timestamp, lastStart, watermark);
      }
      if (allowedLateness > 0 && timestamp <= watermark) {
        // Only then can a window of the element be behind the watermark without being late.
        fireBehindWatermark(timestamp, lastStart, watermark);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  /**
   * Sets the timers of the new slice's windows that are not late: what the general operator's
   * trigger ({@code maxTimestamp}, unless the watermark has passed it) and cleanup set for them.
   * The windows containing the slice are those containing {@code timestamp}, latest first.
   */
  private void registerTimers(long timestamp, long lastStart, long watermark) {
    for (long start = lastStart; start > timestamp - size; start -= slide) {
      long maxTimestamp = start + size - 1;
      long cleanupTime = cleanupTime(maxTimestamp);
      if (cleanupTime <= watermark) {
        return; // this window and the earlier ones are late
      }
      TimeWindow window = new TimeWindow(start, start + size);
      if (maxTimestamp > watermark) {
        timers.registerEventTimeTimer(window, maxTimestamp);
      }
      if (cleanupTime != Long.MAX_VALUE && cleanupTime != maxTimestamp) {
        timers.registerEventTimeTimer(window, cleanupTime);
      }
    }
  }

  /** Fires, latest first, the element's windows the watermark has passed that are not late yet. */
  private void fireBehindWatermark(long timestamp, long lastStart, long watermark) throws Exception {
    for (long start = lastStart; start > timestamp - size; start -= slide) {
      long maxTimestamp = start + size - 1;
      if (cleanupTime(maxTimestamp) <= watermark) {
        return;
      }
      if (maxTimestamp <= watermark) {
        fire(new TimeWindow(start, start + size));
      }
    }
  }

  // ------------------------------------------------------------------------------- timers

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  public void onEventTime(InternalTimer<K, TimeWindow> timer) {
    try {
      TimeWindow window = timer.namespace();
      if (timer.timestamp() == window.maxTimestamp()) {
        fire(window);
      }
      if (timer.timestamp() == cleanupTime(window.maxTimestamp())) {
        cleanUp(window);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<K, TimeWindow> timer) {
    // Event-time windows set no processing-time timers.
  }

  // ------------------------------------------------------------------------------- firing and cleanup

  /** Evaluates {@code window} of the current key from its slices; nothing if none holds a value. */
  private void fire(TimeWindow window) throws Exception {
    windowSlices.clear();
    if (slice == size) {
      slicesNamespace.setCurrentNamespace(window);
      addIfPresent(slices.value());
    } else {
      for (long start = window.getStart(); start < window.getEnd(); start += slice) {
        slicesNamespace.setCurrentNamespace(new TimeWindow(start, start + slice));
        addIfPresent(slices.value());
      }
    }
    if (windowSlices.isEmpty()) {
      return;
    }
    V value;
    if (windowSlices.size() == 1) {
      // One slice is the window's whole contents: evaluate it as the general operator evaluates its state.
      value = aggregator.result(windowSlices.get(0));
    } else {
      ACC merged = null;
      for (ACC sliceValue : windowSlices) {
        merged = aggregator.merge(merged, sliceValue);
      }
      value = aggregator.result(merged);
    }
    windowSlices.clear();
    collector.setTimestamp(window.maxTimestamp());
    windowContext.window = window;
    windowFunction.process(backend.getCurrentKey(), window, windowContext, value, collector);
  }

  private void addIfPresent(ACC sliceValue) {
    if (sliceValue != null) {
      windowSlices.add(sliceValue);
    }
  }

  /** Clears the window's per-window state and drops the slices no later window contains. */
  private void cleanUp(TimeWindow window) throws Exception {
    for (long start = window.getStart(); start < window.getStart() + slide; start += slice) {
      slicesNamespace.setCurrentNamespace(slice == size ? window : new TimeWindow(start, start + slice));
      slices.clear();
    }
    windowContext.window = window;
    windowFunction.clear(window, windowContext);
  }

  /** The time a window is cleaned up: its max timestamp plus the lateness, or never on overflow. */
  private long cleanupTime(long maxTimestamp) {
    long cleanupTime = maxTimestamp + allowedLateness;
    return cleanupTime >= maxTimestamp ? cleanupTime : Long.MAX_VALUE;
  }

  // ------------------------------------------------------------------------------- lifecycle and tests

  @Override
  public void close() throws Exception {
    if (timers != null) {
      timers.close();
    }
    super.close();
  }

  /** The number of (key, namespace) state entries this subtask holds: what leak tests watch return to zero. */
  public int numStateEntries() {
    return backend.numStateEntries();
  }

  /** The number of late elements dropped (not side-output) so far. */
  public long numLateRecordsDropped() {
    return numLateRecordsDropped;
  }

  /** The window function's view of the window being fired or cleared. */
  private final class WindowContext implements InternalWindowContext<TimeWindow> {
    TimeWindow window;
    private final KeyedStateStore windowState = new WindowStateStore(backend, TimeWindow.Serializer.INSTANCE, () -> window);
    private final KeyedStateStore globalState = new WindowStateStore(backend, VoidNamespaceSerializer.INSTANCE, () -> VoidNamespace.INSTANCE);

    @Override
    public TimeWindow window() {
      return window;
    }

    @Override
    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return timers.currentWatermark();
    }

    @Override
    public KeyedStateStore windowState() {
      return windowState;
    }

    @Override
    public KeyedStateStore globalState() {
      return globalState;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      output.collect(tag, value, window.maxTimestamp());
    }
  }
}
