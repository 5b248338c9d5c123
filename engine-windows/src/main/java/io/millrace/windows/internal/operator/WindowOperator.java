package io.millrace.windows.internal.operator;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.Function;
import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.MergingWindowAssigner;
import io.millrace.api.windowing.TimestampedValue;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.TriggerResult;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.runtime.operators.AbstractStreamOperator;
import io.millrace.runtime.operators.OneInputStreamOperator;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.TimestampedCollector;
import io.millrace.runtime.time.InternalTimer;
import io.millrace.runtime.time.InternalTimerService;
import io.millrace.runtime.time.Triggerable;
import io.millrace.state.AppendingState;
import io.millrace.state.KeyedStateStore;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.State;
import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.InternalMergingState;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.VoidNamespaceSerializer;
import io.millrace.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The window operator, with Apache Flink's {@code WindowOperator} (and, with an evictor,
 * {@code EvictingWindowOperator}) semantics.
 *
 * <p><b>State.</b> A window's contents live in keyed state with the window as namespace (for
 * merging windows: the window's <em>state window</em>, see {@link MergingWindowSet}); so do the
 * trigger's state and the window function's per-window state. Timers are per (key, window).
 *
 * <p><b>An element</b> goes into each window the assigner gives it, except windows that are late
 * ({@code maxTimestamp + allowedLateness <= watermark}, event time only); then the trigger decides
 * whether the window fires (evaluates its contents, output stamped {@code window.maxTimestamp()})
 * and/or purges. Every window gets a cleanup timer at {@code maxTimestamp + allowedLateness}
 * (processing time: {@code maxTimestamp}) that clears all its state. An element none of whose
 * windows took it, and which is itself late ({@code timestamp + allowedLateness <= watermark}),
 * goes to the late side output if there is one and is dropped otherwise.
 *
 * <p>Runs on the task's thread only (see {@link io.millrace.runtime.operators.StreamOperator}).
 *
 * @param <K> key type
 * @param <IN> element type
 * @param <S> the contents state's value, as its {@code get()} returns it
 * @param <V> what the window function receives
 * @param <OUT> output type
 * @param <W> window type
 */
public final class WindowOperator<K, IN, S, V, OUT, W extends Window>
    extends AbstractStreamOperator<Function, OUT>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<K, W> {

  private static final String MERGING_SET_STATE = "window-merging-set";

  private final WindowOperatorSpec<K, IN, S, V, OUT, W> spec;
  private final WindowAssigner<? super IN, W> assigner;
  private final TypeSerializer<W> windowSerializer;
  private final MergingWindowAssigner<? super IN, W> mergingAssigner;
  private final Trigger<IN, W> trigger;
  private final Evictor<IN, W> evictor;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataTag;
  private final InternalWindowFunction<V, OUT, K, W> windowFunction;

  private KeyedStateBackend<K> backend;
  private InternalTimerService<K, W> timers;
  private AppendingState<IN, S> contents;
  private ListState<TimestampedValue<IN>> evictingContents;
  private InternalKvState<Object> contentsNamespace;
  private InternalMergingState<Object> mergingContents;
  private ListState<W> mergingSetState;
  private TimestampedCollector<OUT> collector;
  private TriggerContext triggerContext;
  private WindowContext windowContext;
  private WindowAssigner.WindowAssignerContext assignerContext;
  private Evictor.EvictorContext evictorContext;
  private long numLateRecordsDropped;

  @SuppressWarnings("unchecked")
  WindowOperator(WindowOperatorSpec<K, IN, S, V, OUT, W> spec, Function userFunction, InternalWindowFunction<V, OUT, K, W> windowFunction) {
    super(userFunction);
    this.spec = spec;
    this.assigner = spec.assigner();
    this.windowSerializer = assigner.getWindowSerializer();
    this.mergingAssigner = assigner instanceof MergingWindowAssigner<?, ?> merging
        ? (MergingWindowAssigner<? super IN, W>) merging : null;
    // The trigger and evictor accept supertypes of IN and W: calling them with IN and W is safe.
    this.trigger = (Trigger<IN, W>) spec.trigger();
    this.evictor = (Evictor<IN, W>) spec.evictor();
    this.allowedLateness = spec.allowedLateness();
    this.lateDataTag = spec.lateDataTag();
    this.windowFunction = windowFunction;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    backend = context.keyedBackend();
    timers = new InternalTimerService<>("window-timers", windowSerializer, backend, context.clock(), context.mailbox(), this);
    context.services().registerTimerService(timers);
    State state = backend.getOrCreateKeyedState(windowSerializer, spec.contents());
    if (evictor != null) {
      evictingContents = (ListState<TimestampedValue<IN>>) state;
    } else {
      contents = (AppendingState<IN, S>) state;
    }
    contentsNamespace = (InternalKvState<Object>) state;
    if (mergingAssigner != null) {
      if (!(state instanceof InternalMergingState<?>)) {
        throw new IllegalStateException("the window contents state " + spec.contents().getName()
            + " cannot be merged, but " + assigner + " merges windows");
      }
      mergingContents = (InternalMergingState<Object>) state;
      mergingSetState = backend.getOrCreateKeyedState(
          new ListStateDescriptor<>(MERGING_SET_STATE, windowSerializer));
    }
    collector = new TimestampedCollector<>(output);
    triggerContext = new TriggerContext();
    windowContext = new WindowContext();
    assignerContext = new WindowAssigner.WindowAssignerContext() {
      @Override
      public long getCurrentProcessingTime() {
        return timers.currentProcessingTime();
      }
    };
    evictorContext = new Evictor.EvictorContext() {
      @Override
      public long getCurrentProcessingTime() {
        return timers.currentProcessingTime();
      }

      @Override
      public long getCurrentWatermark() {
        return timers.currentWatermark();
      }
    };
    super.open();
  }

  // ------------------------------------------------------------------------------- elements

  @Override
  public void processElement(IN element, long timestamp) {
    try {
      backend.setCurrentKey(spec.keySelector().getKey(element));
      Collection<W> windows = assigner.assignWindows(element, timestamp, assignerContext);
      boolean skipped = mergingAssigner != null
          ? addToMergingWindows(element, timestamp, windows)
          : addToWindows(element, timestamp, windows);
      if (skipped && isElementLate(timestamp)) {
        if (lateDataTag != null) {
          output.collect(lateDataTag, element, timestamp);
        } else {
          numLateRecordsDropped++;
        }
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  /** Adds the element to its (non-merging) windows; true if every window was late. */
  private boolean addToWindows(IN element, long timestamp, Collection<W> windows) throws Exception {
    boolean skipped = true;
    for (W window : windows) {
      if (isWindowLate(window)) {
        continue;
      }
      skipped = false;
      contentsNamespace.setCurrentNamespace(window);
      add(element, timestamp);
      triggerContext.window = window;
      TriggerResult result = trigger.onElement(element, timestamp, window, triggerContext);
      afterTrigger(result, window, window);
      registerCleanupTimer(window);
    }
    return skipped;
  }

  /** Adds the element to its merging windows, merging them with the key's sessions; true if every window was late. */
  private boolean addToMergingWindows(IN element, long timestamp, Collection<W> windows) throws Exception {
    MergingWindowSet<W> mergingWindows = mergingWindowSet();
    boolean skipped = true;
    for (W window : windows) {
      W actualWindow = mergingWindows.addWindow(window, this::onMerge);
      if (isWindowLate(actualWindow)) {
        mergingWindows.retireWindow(actualWindow);
        continue;
      }
      skipped = false;
      W stateWindow = mergingWindows.getStateWindow(actualWindow);
      if (stateWindow == null) {
        throw new IllegalStateException("Window " + window + " is not in the in-flight window set.");
      }
      contentsNamespace.setCurrentNamespace(stateWindow);
      add(element, timestamp);
      triggerContext.window = actualWindow;
      TriggerResult result = trigger.onElement(element, timestamp, actualWindow, triggerContext);
      afterTrigger(result, actualWindow, stateWindow);
      registerCleanupTimer(actualWindow);
    }
    mergingWindows.persist();
    return skipped;
  }

  private void onMerge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
      throws Exception {
    if (assigner.isEventTime() && cleanupTime(mergeResult) <= timers.currentWatermark()) {
      throw new UnsupportedOperationException("The end timestamp of an event-time window cannot become earlier than "
          + "the current watermark by merging. Current watermark: " + timers.currentWatermark() + " window: " + mergeResult);
    } else if (!assigner.isEventTime() && mergeResult.maxTimestamp() <= timers.currentProcessingTime()) {
      throw new UnsupportedOperationException("The end timestamp of a processing-time window cannot become earlier than "
          + "the current processing time by merging. Current processing time: " + timers.currentProcessingTime()
          + " window: " + mergeResult);
    }
    triggerContext.window = mergeResult;
    triggerContext.mergedWindows = mergedWindows;
    try {
      trigger.onMerge(mergeResult, triggerContext);
    } finally {
      triggerContext.mergedWindows = null;
    }
    for (W merged : mergedWindows) {
      triggerContext.window = merged;
      trigger.clear(merged, triggerContext);
      deleteCleanupTimer(merged);
    }
    mergingContents.mergeNamespaces(stateWindowResult, namespaces(mergedStateWindows));
  }

  private void add(IN element, long timestamp) throws Exception {
    if (evictor != null) {
      evictingContents.add(timestamp == Output.NO_TIMESTAMP ? new TimestampedValue<>(element) : new TimestampedValue<>(element, timestamp));
    } else {
      contents.add(element);
    }
  }

  // ------------------------------------------------------------------------------- timers

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  public void onEventTime(InternalTimer<K, W> timer) {
    try {
      onTimer(timer, true);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<K, W> timer) {
    try {
      onTimer(timer, false);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  private void onTimer(InternalTimer<K, W> timer, boolean eventTime) throws Exception {
    W window = timer.namespace();
    MergingWindowSet<W> mergingWindows = null;
    W stateWindow = window;
    if (mergingAssigner != null) {
      mergingWindows = mergingWindowSet();
      stateWindow = mergingWindows.getStateWindow(window);
      if (stateWindow == null) {
        // A timer of a window that has been merged away or purged: nothing to do.
        return;
      }
    }
    contentsNamespace.setCurrentNamespace(stateWindow);
    triggerContext.window = window;
    TriggerResult result = eventTime
        ? trigger.onEventTime(timer.timestamp(), window, triggerContext)
        : trigger.onProcessingTime(timer.timestamp(), window, triggerContext);
    afterTrigger(result, window, stateWindow);
    if (assigner.isEventTime() == eventTime && timer.timestamp() == cleanupTime(window)) {
      clearAllState(window, stateWindow, mergingWindows);
    }
    if (mergingWindows != null) {
      mergingWindows.persist();
    }
  }

  // ------------------------------------------------------------------------------- firing and cleanup

  private void afterTrigger(TriggerResult result, W window, W stateWindow) throws Exception {
    if (result.isFire()) {
      emitWindowContents(window);
    }
    if (result.isPurge()) {
      contentsNamespace.setCurrentNamespace(stateWindow);
      contentsNamespace.clear();
    }
  }

  /** Evaluates {@code window}, whose state window the contents handle is scoped to; nothing if it is empty. */
  @SuppressWarnings("unchecked")
  private void emitWindowContents(W window) throws Exception {
    collector.setTimestamp(window.maxTimestamp());
    windowContext.window = window;
    K key = backend.getCurrentKey();
    if (evictor == null) {
      S value = contents.get();
      if (value == null || (value instanceof Iterable<?> iterable && !iterable.iterator().hasNext())) {
        return;
      }
      windowFunction.process(key, window, windowContext, (V) value, collector);
      return;
    }
    Iterable<TimestampedValue<IN>> stored = evictingContents.get();
    if (!stored.iterator().hasNext()) {
      return;
    }
    List<TimestampedValue<IN>> elements = new ArrayList<>();
    stored.forEach(elements::add);
    evictor.evictBefore(elements, elements.size(), window, evictorContext);
    List<IN> values = new ArrayList<>(elements.size());
    for (TimestampedValue<IN> element : elements) {
      values.add(element.getValue());
    }
    windowFunction.process(key, window, windowContext, (V) values, collector);
    evictor.evictAfter(elements, elements.size(), window, evictorContext);
    evictingContents.update(elements);
  }

  private void clearAllState(W window, W stateWindow, MergingWindowSet<W> mergingWindows) throws Exception {
    contentsNamespace.setCurrentNamespace(stateWindow);
    contentsNamespace.clear();
    triggerContext.window = window;
    trigger.clear(window, triggerContext);
    windowContext.window = window;
    windowFunction.clear(window, windowContext);
    if (mergingWindows != null) {
      mergingWindows.retireWindow(window);
    }
  }

  private MergingWindowSet<W> mergingWindowSet() throws Exception {
    return new MergingWindowSet<>(mergingAssigner, mergingSetState);
  }

  // ------------------------------------------------------------------------------- lateness

  /** The time the window's state is cleaned up: its max timestamp, plus the lateness in event time. */
  private long cleanupTime(W window) {
    if (assigner.isEventTime()) {
      long cleanupTime = window.maxTimestamp() + allowedLateness;
      return cleanupTime >= window.maxTimestamp() ? cleanupTime : Long.MAX_VALUE;
    }
    return window.maxTimestamp();
  }

  private boolean isWindowLate(W window) {
    return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
  }

  private boolean isElementLate(long timestamp) {
    return assigner.isEventTime() && timestamp + allowedLateness <= timers.currentWatermark();
  }

  private void registerCleanupTimer(W window) {
    long cleanupTime = cleanupTime(window);
    if (cleanupTime == Long.MAX_VALUE) {
      return;
    }
    if (assigner.isEventTime()) {
      timers.registerEventTimeTimer(window, cleanupTime);
    } else {
      timers.registerProcessingTimeTimer(window, cleanupTime);
    }
  }

  private void deleteCleanupTimer(W window) {
    long cleanupTime = cleanupTime(window);
    if (cleanupTime == Long.MAX_VALUE) {
      return;
    }
    if (assigner.isEventTime()) {
      timers.deleteEventTimeTimer(window, cleanupTime);
    } else {
      timers.deleteProcessingTimeTimer(window, cleanupTime);
    }
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

  @SuppressWarnings("unchecked")
  private static <W> Collection<Object> namespaces(Collection<W> windows) {
    return (Collection<Object>) windows;
  }

  private <S extends State> S scoped(StateDescriptor<S, ?> descriptor, Object namespace) {
    return WindowStateStore.scoped(backend, windowSerializer, descriptor, namespace);
  }

  /** The trigger's view of the current key and window: its timers and per-window state. */
  private final class TriggerContext implements Trigger.OnMergeContext {
    W window;
    Collection<W> mergedWindows;

    @Override
    public long getCurrentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
      return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      timers.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
      timers.registerEventTimeTimer(window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      timers.deleteProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      timers.deleteEventTimeTimer(window, time);
    }

    @Override
    public <T extends State> T getPartitionedState(StateDescriptor<T, ?> stateDescriptor) {
      return scoped(stateDescriptor, window);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends State> void mergePartitionedState(StateDescriptor<T, ?> stateDescriptor) {
      if (mergedWindows == null || mergedWindows.isEmpty()) {
        return;
      }
      T state = backend.getOrCreateKeyedState(windowSerializer, stateDescriptor);
      if (!(state instanceof InternalMergingState<?> merging)) {
        throw new IllegalArgumentException("The state descriptor " + stateDescriptor
            + " does not refer to a mergeable state (list, reducing or aggregating state)");
      }
      try {
        ((InternalMergingState<Object>) merging).mergeNamespaces(window, namespaces(mergedWindows));
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("merging trigger state " + stateDescriptor.getName() + " failed: " + e, e);
      }
    }
  }

  /** The window function's view of the window being fired or cleared. */
  private final class WindowContext implements InternalWindowContext<W> {
    W window;
    private final KeyedStateStore windowState = new WindowStateStore(backend, windowSerializer, () -> window);
    private final KeyedStateStore globalState = new WindowStateStore(backend, VoidNamespaceSerializer.INSTANCE, () -> VoidNamespace.INSTANCE);

    @Override
    public W window() {
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
