package io.millrace.cep.internal.operator;

import io.millrace.api.OutputTag;
import io.millrace.cep.functions.PatternProcessFunction;
import io.millrace.cep.functions.TimedOutPartialMatchHandler;
import io.millrace.cep.internal.buffer.BufferBookkeeping;
import io.millrace.cep.internal.buffer.BufferNode;
import io.millrace.cep.internal.buffer.BufferSerializers.BookkeepingSerializer;
import io.millrace.cep.internal.buffer.BufferSerializers.BufferNodeSerializer;
import io.millrace.cep.internal.buffer.BufferSerializers.BufferedEventSerializer;
import io.millrace.cep.internal.buffer.BufferSerializers.EventIdSerializer;
import io.millrace.cep.internal.buffer.BufferSerializers.NodeIdSerializer;
import io.millrace.cep.internal.buffer.BufferedEvent;
import io.millrace.cep.internal.buffer.EventId;
import io.millrace.cep.internal.buffer.NodeId;
import io.millrace.cep.internal.buffer.SharedBuffer;
import io.millrace.cep.internal.nfa.CompiledNfa;
import io.millrace.cep.internal.nfa.Nfa;
import io.millrace.cep.internal.nfa.NfaState;
import io.millrace.cep.internal.nfa.NfaStateSerializer;
import io.millrace.runtime.operators.AbstractStreamOperator;
import io.millrace.runtime.operators.OneInputStreamOperator;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.TimestampedCollector;
import io.millrace.runtime.time.InternalTimer;
import io.millrace.runtime.time.InternalTimerService;
import io.millrace.runtime.time.Triggerable;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.VoidNamespaceSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CEP operator, with Apache Flink's {@code CepOperator} semantics: matches each key's events
 * against a compiled pattern and hands every match (and, to a
 * {@link TimedOutPartialMatchHandler}, every timed-out partial match) to the pattern function.
 *
 * <p><b>Event time.</b> An event later than the watermark is buffered in keyed state under its
 * timestamp, with an event-time timer at that timestamp; an event at or behind the watermark is
 * late (side output or dropped). When a timer fires, the key's buffered events up to the
 * watermark are matched in timestamp order (equal timestamps in arrival order), time is advanced
 * to each timestamp before its events and to the watermark after them (timing out runs past
 * their window). A new partial match registers a timer at its start + window, so that it times
 * out even if its key sees no other event. Matches are stamped with the event (or the time) that
 * completed them, timeouts with their deadline.
 *
 * <p><b>Processing time.</b> Events are matched on arrival, stamped with the processing time;
 * windows close through processing-time timers.
 *
 * <p><b>State.</b> All of it is keyed, with explicit serializers (it works on RocksDB, which
 * serializes every access): the key's runs ({@code cep-nfa-state}), the shared buffer
 * ({@code cep-buffer-events}, {@code cep-buffer-nodes}, {@code cep-buffer-bookkeeping}) and the
 * events waiting for the watermark ({@code cep-element-queue}, with its sorted timestamps in
 * {@code cep-element-queue-timestamps}). A key whose runs are back to the start state, with an
 * empty buffer and queue, has none. No per-key state is kept on the operator. Runs on the task
 * thread only.
 *
 * @param <K> key type
 * @param <IN> event type
 * @param <OUT> output type
 */
public final class CepOperator<K, IN, OUT> extends AbstractStreamOperator<PatternProcessFunction<IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {
  static final String NFA_STATE = "cep-nfa-state";
  static final String ELEMENT_QUEUE = "cep-element-queue";
  static final String BUFFER_EVENTS = "cep-buffer-events";
  static final String BUFFER_NODES = "cep-buffer-nodes";
  static final String BUFFER_BOOKKEEPING = "cep-buffer-bookkeeping";
  static final String QUEUED_TIMESTAMPS = "cep-element-queue-timestamps";

  private final CepOperatorSpec<K, IN, OUT> spec;
  private final Nfa<IN> nfa;
  private final boolean processingTime;
  private final OutputTag<IN> lateDataTag;

  private KeyedStateBackend<K> backend;
  private InternalTimerService<K, VoidNamespace> timers;
  private ValueState<NfaState> nfaStates;
  private MapState<Long, List<IN>> elementQueue;
  private ValueState<long[]> queuedTimestamps;
  private SharedBuffer<IN> buffer;
  private TimestampedCollector<OUT> collector;
  private ContextImpl functionContext;
  private long numLateRecordsDropped;

  CepOperator(CepOperatorSpec<K, IN, OUT> spec, CompiledNfa<IN> compiled, PatternProcessFunction<IN, OUT> function) {
    super(function);
    this.spec = spec;
    this.nfa = new Nfa<>(compiled, function instanceof TimedOutPartialMatchHandler<?>);
    this.processingTime = spec.processingTime();
    this.lateDataTag = spec.lateDataTag();
  }

  @Override
  public void open() throws Exception {
    backend = context.keyedBackend();
    timers = new InternalTimerService<>("cep-timers", VoidNamespaceSerializer.INSTANCE, backend, context.clock(),
        context.mailbox(), this);
    context.services().registerTimerService(timers);
    nfaStates = backend.getOrCreateKeyedState(new ValueStateDescriptor<>(NFA_STATE, new NfaStateSerializer()));
    elementQueue = backend.getOrCreateKeyedState(new MapStateDescriptor<>(
        ELEMENT_QUEUE, TypeSerializers.forClass(Long.class), TypeSerializers.listOf(spec.eventSerializer())));
    MapState<EventId, BufferedEvent<IN>> events = backend.getOrCreateKeyedState(new MapStateDescriptor<>(
        BUFFER_EVENTS, new EventIdSerializer(), new BufferedEventSerializer<>(spec.eventSerializer())));
    MapState<NodeId, BufferNode> nodes = backend.getOrCreateKeyedState(new MapStateDescriptor<>(
        BUFFER_NODES, new NodeIdSerializer(), new BufferNodeSerializer()));
    ValueState<BufferBookkeeping> bookkeeping = backend.getOrCreateKeyedState(
        new ValueStateDescriptor<>(BUFFER_BOOKKEEPING, new BookkeepingSerializer()));
    queuedTimestamps = backend.getOrCreateKeyedState(
        new ValueStateDescriptor<>(QUEUED_TIMESTAMPS, TypeSerializers.forClass(long[].class)));
    buffer = new SharedBuffer<>(events, nodes, bookkeeping, nfa.compiled().stageNames());
    collector = new TimestampedCollector<>(output);
    functionContext = new ContextImpl();
    try {
      nfa.open(new CepRuntimeContext(context));
    } catch (Throwable t) {
      throw failure(t);
    }
    super.open();
  }

  // ------------------------------------------------------------------------------- elements

  @Override
  public void processElement(IN element, long timestamp) {
    try {
      backend.setCurrentKey(spec.keySelector().getKey(element));
      if (processingTime) {
        NfaState state = nfaState();
        long now = timers.currentProcessingTime();
        advanceTime(state, now);
        processEvent(state, element, now);
        updateNfa(state);
      } else if (timestamp == Output.NO_TIMESTAMP) {
        throw new IllegalStateException("CEP in event time needs the timestamps of its events, but " + element
            + " has none: assign timestamps and watermarks (assignTimestampsAndWatermarks(...)) before CEP.pattern(...),"
            + " or match in processing time with inProcessingTime()");
      } else if (timestamp > timers.currentWatermark()) {
        bufferEvent(element, timestamp);
      } else if (lateDataTag != null) {
        output.collect(lateDataTag, element, timestamp);
      } else {
        numLateRecordsDropped++;
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  /**
   * Adds {@code element} to the key's queue under {@code timestamp}. The queue's timestamps are
   * also kept, sorted, in one value, so that finding them needs no scan of the map (on RocksDB a
   * scan steps over the tombstone of every timestamp already processed).
   */
  private void bufferEvent(IN element, long timestamp) throws Exception {
    List<IN> elements = elementQueue.get(timestamp);
    if (elements == null) {
      elements = new ArrayList<>(2);
      registerTimer(timestamp);
      long[] timestamps = queuedTimestamps.value();
      queuedTimestamps.update(insertSorted(timestamps == null ? new long[0] : timestamps, timestamp));
    }
    elements.add(element);
    elementQueue.put(timestamp, elements);
  }

  private static long[] insertSorted(long[] timestamps, long timestamp) {
    int at = Arrays.binarySearch(timestamps, timestamp);
    if (at >= 0) {
      return timestamps;
    }
    int insertion = -at - 1;
    long[] grown = new long[timestamps.length + 1];
    System.arraycopy(timestamps, 0, grown, 0, insertion);
    grown[insertion] = timestamp;
    System.arraycopy(timestamps, insertion, grown, insertion + 1, timestamps.length - insertion);
    return grown;
  }

  private void registerTimer(long timestamp) {
    if (processingTime) {
      timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, timestamp + 1);
    } else {
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, timestamp);
    }
  }

  // ------------------------------------------------------------------------------- time

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  public void onEventTime(InternalTimer<K, VoidNamespace> timer) {
    try {
      long watermark = timers.currentWatermark();
      NfaState state = nfaState();
      processQueue(state, watermark);
      advanceTime(state, watermark);
      updateNfa(state);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) {
    try {
      NfaState state = nfaState();
      processQueue(state, Long.MAX_VALUE);
      advanceTime(state, timers.currentProcessingTime());
      updateNfa(state);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  /** Matches the key's queued events up to {@code upTo}, in timestamp order; time advances to each timestamp first. */
  private void processQueue(NfaState state, long upTo) throws Exception {
    long[] timestamps = queuedTimestamps.value();
    if (timestamps == null) {
      return;
    }
    int processed = 0;
    while (processed < timestamps.length && timestamps[processed] <= upTo) {
      long timestamp = timestamps[processed++];
      advanceTime(state, timestamp);
      for (IN element : elementQueue.get(timestamp)) {
        processEvent(state, element, timestamp);
      }
      elementQueue.remove(timestamp);
    }
    if (processed == timestamps.length) {
      queuedTimestamps.clear();
    } else if (processed > 0) {
      queuedTimestamps.update(Arrays.copyOfRange(timestamps, processed, timestamps.length));
    }
  }

  // ------------------------------------------------------------------------------- matching

  private void processEvent(NfaState state, IN element, long timestamp) throws Exception {
    List<Map<String, List<IN>>> matches = nfa.process(buffer, state, element, timestamp, timers::currentProcessingTime);
    buffer.flush();
    if (nfa.windowTime() > 0 && state.isNewStartPartialMatch()) {
      registerTimer(timestamp + nfa.windowTime());
    }
    emitMatches(matches, timestamp);
  }

  private void advanceTime(NfaState state, long timestamp) throws Exception {
    Nfa.Advanced<IN> advanced = nfa.advanceTime(buffer, state, timestamp);
    buffer.flush();
    if (!advanced.matches().isEmpty()) {
      emitMatches(advanced.matches(), timestamp);
    }
    if (!advanced.timedOut().isEmpty() && userFunction instanceof TimedOutPartialMatchHandler<?>) {
      @SuppressWarnings("unchecked")
      TimedOutPartialMatchHandler<IN> handler = (TimedOutPartialMatchHandler<IN>) userFunction;
      for (Nfa.TimedOut<IN> timedOut : advanced.timedOut()) {
        setTimestamp(timedOut.timestamp());
        handler.processTimedOutMatch(timedOut.match(), functionContext);
      }
    }
  }

  private void emitMatches(List<Map<String, List<IN>>> matches, long timestamp) throws Exception {
    setTimestamp(timestamp);
    for (Map<String, List<IN>> match : matches) {
      userFunction.processMatch(match, functionContext, collector);
    }
  }

  private void setTimestamp(long timestamp) {
    if (!processingTime) {
      collector.setTimestamp(timestamp);
    }
    functionContext.timestamp = timestamp;
  }

  private NfaState nfaState() throws Exception {
    NfaState state = nfaStates.value();
    return state != null ? state : nfa.createInitialState();
  }

  /**
   * Writes the key's runs back if a step changed them; a key back to the start state alone, with
   * an empty buffer, keeps no state (a fresh start state is equivalent then).
   */
  private void updateNfa(NfaState state) throws Exception {
    if (!state.isStateChanged()) {
      return;
    }
    state.resetFlags();
    if (nfa.isInitial(state) && buffer.isEmpty()) {
      nfaStates.clear();
    } else {
      nfaStates.update(state);
    }
  }

  // ------------------------------------------------------------------------------- lifecycle and tests

  @Override
  public void close() throws Exception {
    try {
      if (timers != null) {
        timers.close();
      }
      nfa.close();
    } finally {
      super.close();
    }
  }

  /** The number of late events dropped (not side-output) so far. */
  public long numLateRecordsDropped() {
    return numLateRecordsDropped;
  }

  /** The number of (key, namespace) entries over all of this subtask's keyed state. */
  public int numStateEntries() {
    return backend.numStateEntries();
  }

  /**
   * What this subtask holds, summed over its keys, read from keyed state: for tests that check
   * CEP state stays bounded (call between inputs, on the task thread).
   */
  public StateSizes stateSizes() throws Exception {
    K current = backend.getCurrentKey();
    Set<K> keys = new LinkedHashSet<>();
    for (String name : List.of(NFA_STATE, ELEMENT_QUEUE, QUEUED_TIMESTAMPS, BUFFER_EVENTS, BUFFER_NODES, BUFFER_BOOKKEEPING)) {
      keys.addAll(backend.<VoidNamespace>getKeys(name, VoidNamespace.INSTANCE).collect(Collectors.toList()));
    }
    int bufferedEvents = 0;
    int partialMatches = 0;
    int heldMatches = 0;
    int sharedEvents = 0;
    int sharedNodes = 0;
    for (K key : keys) {
      backend.setCurrentKey(key);
      for (List<IN> elements : elementQueue.values()) {
        bufferedEvents += elements.size();
      }
      NfaState state = nfaStates.value();
      if (state != null) {
        partialMatches += state.numPartialMatches();
        heldMatches += state.completedMatches().size();
      }
      sharedEvents += buffer.numEvents();
      sharedNodes += buffer.numNodes();
    }
    if (current != null) {
      backend.setCurrentKey(current);
    }
    return new StateSizes(keys.size(), bufferedEvents, partialMatches, heldMatches, sharedEvents, sharedNodes);
  }

  /**
   * The CEP state of a subtask, summed over its keys.
   *
   * @param keys keys with any CEP state
   * @param bufferedEvents events waiting for the watermark (event time)
   * @param partialMatches open partial matches (runs past the start state)
   * @param heldMatches completed matches a skip strategy holds back
   * @param sharedBufferEvents events in the shared buffer
   * @param sharedBufferNodes nodes of the shared buffer
   */
  public record StateSizes(int keys, int bufferedEvents, int partialMatches, int heldMatches, int sharedBufferEvents,
      int sharedBufferNodes) {
    /** Whether nothing at all is held. */
    public boolean isEmpty() {
      return keys == 0 && bufferedEvents == 0 && partialMatches == 0 && heldMatches == 0 && sharedBufferEvents == 0
          && sharedBufferNodes == 0;
    }
  }

  /** The pattern function's context: the match's timestamp, processing time and side outputs. */
  private final class ContextImpl implements PatternProcessFunction.Context {
    long timestamp;

    @Override
    public long timestamp() {
      return timestamp;
    }

    @Override
    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, processingTime ? Output.NO_TIMESTAMP : timestamp);
    }
  }
}
