package io.millrace.cep.internal.nfa;

import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichFunction;
import io.millrace.api.functions.RuntimeContext;
import io.millrace.cep.internal.buffer.DeweyNumber;
import io.millrace.cep.internal.buffer.EventId;
import io.millrace.cep.internal.buffer.NodeId;
import io.millrace.cep.internal.buffer.SharedBuffer;
import io.millrace.cep.pattern.conditions.CompositeCondition;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs a compiled pattern over one key's events, with Apache Flink's semantics ({@code NFA}):
 * {@link #process} advances every run of the key by one event — runs branch (TAKE, IGNORE,
 * PROCEED), complete, or are discarded — and {@link #advanceTime} times out the runs past their
 * window. Completed matches are emitted as the skip strategy allows, in the order of their first
 * events; runs are advanced in the internal order of the key's run queue, as Flink does, because
 * that order decides which of several matches completing together comes out first.
 *
 * <p>Stateless between calls: the key's runs come in an {@link NfaState}, the events they took in
 * a {@link SharedBuffer}. One instance per operator subtask (its rich conditions are the
 * subtask's); confined to the task thread.
 *
 * @param <T> the event type
 */
public final class Nfa<T> {
  private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

  private final CompiledNfa<T> compiled;
  private final boolean handleTimeout;
  private final SkipPruning pruning;
  private final List<RichFunction> richConditions = new ArrayList<>();

  /**
   * An NFA running {@code compiled}; with {@code handleTimeout}, timed-out partial matches are
   * materialized and returned, otherwise only released.
   */
  public Nfa(CompiledNfa<T> compiled, boolean handleTimeout) {
    this.compiled = compiled;
    this.handleTimeout = handleTimeout;
    this.pruning = new SkipPruning(compiled.skipStrategy());
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (State<T> state : compiled.states()) {
      for (StateTransition<T> transition : state.transitions()) {
        collectRich(transition.condition(), seen);
      }
    }
  }

  private void collectRich(IterativeCondition<?> condition, Set<Object> seen) {
    if (condition == null || !seen.add(condition)) {
      return;
    }
    if (condition instanceof CompositeCondition<?> composite) {
      for (IterativeCondition<?> nested : composite.getNestedConditions()) {
        collectRich(nested, seen);
      }
    } else if (condition instanceof RichFunction rich) {
      richConditions.add(rich);
    }
  }

  /** Opens the rich conditions, each once, with {@code context}. */
  public void open(RuntimeContext context) throws Exception {
    for (RichFunction condition : richConditions) {
      condition.setRuntimeContext(context);
      condition.open(OPEN_CONTEXT);
    }
  }

  /** Closes the rich conditions. */
  public void close() throws Exception {
    Exception failure = null;
    for (RichFunction condition : richConditions) {
      try {
        condition.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The compiled pattern. */
  public CompiledNfa<T> compiled() {
    return compiled;
  }

  /** The {@code FIRST_AND_LAST} window in ms, 0 if none. */
  public long windowTime() {
    return compiled.windowTime();
  }

  /** The state of a key that has seen nothing: the start state alone. */
  public NfaState createInitialState() {
    PriorityQueue<ComputationState> partial = NfaState.newQueue();
    partial.add(ComputationState.start(compiled.start(), new DeweyNumber(1)));
    return new NfaState(partial, NfaState.newQueue());
  }

  /**
   * Whether {@code state} is equivalent to a fresh one (only the start state, nothing held back),
   * so that, with an empty buffer, it need not be stored.
   */
  public boolean isInitial(NfaState state) {
    return state.completedMatches().isEmpty() && state.partialMatches().size() == 1
        && state.partialMatches().peek().startEventId() == null;
  }

  // ------------------------------------------------------------------------------- processing an event

  /**
   * Advances every run of the key by {@code event}: returns the matches it completes that the
   * skip strategy releases now, in emission order.
   */
  public List<Map<String, List<T>>> process(SharedBuffer<T> buffer, NfaState nfaState, T event, long timestamp,
      LongSupplier processingTime) throws Exception {
    EventWrapper wrapper = new EventWrapper(event, timestamp, buffer);
    try {
      return doProcess(buffer, nfaState, wrapper, processingTime);
    } finally {
      wrapper.close();
    }
  }

  private List<Map<String, List<T>>> doProcess(SharedBuffer<T> buffer, NfaState nfaState, EventWrapper event,
      LongSupplier processingTime) throws Exception {
    PriorityQueue<ComputationState> newPartialMatches = NfaState.newQueue();
    PriorityQueue<ComputationState> potentialMatches = NfaState.newQueue();
    for (ComputationState run : nfaState.partialMatches()) {
      List<ComputationState> next = computeNextStates(buffer, run, event, processingTime);
      if (next.size() != 1 || !next.get(0).equals(run)) {
        nfaState.setStateChanged();
      }
      List<ComputationState> toRetain = new ArrayList<>();
      boolean discardPath = false;
      for (ComputationState nextRun : next) {
        if (isStart(run) && nextRun.startEventId() != null) {
          nfaState.setNewStartPartialMatch();
        }
        State<T> nextState = state(nextRun);
        if (nextState.isFinal()) {
          potentialMatches.add(nextRun);
        } else if (nextState.isStop()) {
          discardPath = true;
          release(buffer, nextRun);
        } else {
          toRetain.add(nextRun);
        }
      }
      if (discardPath) {
        for (ComputationState retained : toRetain) {
          release(buffer, retained);
        }
      } else {
        newPartialMatches.addAll(toRetain);
      }
    }
    if (!potentialMatches.isEmpty()) {
      nfaState.setStateChanged();
    }
    List<Map<String, List<T>>> result = new ArrayList<>();
    emitCompletedMatches(buffer, nfaState, potentialMatches, newPartialMatches, result);
    nfaState.setPartialMatches(newPartialMatches);
    return result;
  }

  /** The branches of one run for one event, in Flink's order, each with its Dewey version. */
  private List<ComputationState> computeNextStates(SharedBuffer<T> buffer, ComputationState run, EventWrapper event,
      LongSupplier processingTime) throws Exception {
    ConditionContext context = new ConditionContext(buffer, run, event.timestamp, processingTime);
    OutgoingEdges edges = createDecisionGraph(context, run, event.event);
    int takeBranchesToVisit = Math.max(0, edges.totalTakeBranches - 1);
    int ignoreBranchesToVisit = edges.totalIgnoreBranches;
    int totalTakeToSkip = Math.max(0, edges.totalTakeBranches - 1);
    State<T> runState = state(run);
    boolean fromStart = runState.isStart();
    List<ComputationState> result = new ArrayList<>();
    for (StateTransition<T> edge : edges.edges) {
      switch (edge.action()) {
        case IGNORE -> {
          if (!fromStart) {
            DeweyNumber version;
            if (edge.target() == runState) {
              version = run.version().increase(increasingSelfState(edges.totalIgnoreBranches, edges.totalTakeBranches));
            } else {
              // an IGNORE reached through a PROCEED
              version = run.version().increase(totalTakeToSkip + ignoreBranchesToVisit).addStage();
              ignoreBranchesToVisit--;
            }
            addComputationState(buffer, result, edge.target(), run.previousBufferEntry(), version,
                run.startTimestamp(), run.previousTimestamp(), run.startEventId());
          }
        }
        case TAKE -> {
          State<T> nextState = edge.target();
          State<T> currentState = edge.source();
          DeweyNumber currentVersion = run.version().increase(takeBranchesToVisit);
          DeweyNumber nextVersion = currentVersion.addStage();
          takeBranchesToVisit--;
          NodeId newEntry = buffer.put(currentState.stageIndex(), event.eventId(), run.previousBufferEntry(), currentVersion);
          long startTimestamp = fromStart ? event.timestamp : run.startTimestamp();
          EventId startEventId = fromStart ? event.eventId() : run.startEventId();
          long previousTimestamp = event.timestamp;
          addComputationState(buffer, result, nextState, newEntry, nextVersion, startTimestamp, previousTimestamp, startEventId);
          State<T> finalState = findFinalStateAfterProceed(context, nextState, event.event);
          if (finalState != null) {
            addComputationState(buffer, result, finalState, newEntry, nextVersion, startTimestamp, previousTimestamp, startEventId);
          }
        }
        default -> throw new IllegalStateException("a decision graph holds no PROCEED edge: " + edge);
      }
    }
    if (fromStart) {
      // the start state always stays, with a new version
      int totalBranches = increasingSelfState(edges.totalIgnoreBranches, edges.totalTakeBranches);
      result.add(ComputationState.start(run.state(), run.version().increase(totalBranches)));
    }
    if (run.previousBufferEntry() != null) {
      buffer.releaseNode(run.previousBufferEntry(), run.version());
    }
    return result;
  }

  private void addComputationState(SharedBuffer<T> buffer, List<ComputationState> runs, State<T> state, NodeId previousEntry,
      DeweyNumber version, long startTimestamp, long previousTimestamp, EventId startEventId) throws Exception {
    runs.add(new ComputationState(state.index(), previousEntry, version, startTimestamp, previousTimestamp, startEventId));
    if (previousEntry != null) {
      buffer.lockNode(previousEntry, version);
    }
  }

  private static int increasingSelfState(int ignoreBranches, int takeBranches) {
    return takeBranches == 0 && ignoreBranches == 0 ? 0 : ignoreBranches + Math.max(1, takeBranches);
  }

  /** The TAKE and IGNORE transitions open to {@code run} for {@code event}, following PROCEEDs depth-first. */
  private OutgoingEdges createDecisionGraph(ConditionContext context, ComputationState run, T event) {
    State<T> state = state(run);
    OutgoingEdges edges = new OutgoingEdges(state);
    Deque<State<T>> toVisit = new ArrayDeque<>();
    toVisit.push(state);
    while (!toVisit.isEmpty()) {
      State<T> current = toVisit.pop();
      for (StateTransition<T> transition : current.transitions()) {
        if (accepts(context, transition, event)) {
          if (transition.action() == TransitionAction.PROCEED) {
            toVisit.push(transition.target());
          } else {
            edges.add(transition);
          }
        }
      }
    }
    return edges;
  }

  /** The final state reachable from {@code state} by PROCEEDs the event allows, or null. */
  private State<T> findFinalStateAfterProceed(ConditionContext context, State<T> state, T event) {
    Deque<State<T>> toCheck = new ArrayDeque<>();
    toCheck.push(state);
    while (!toCheck.isEmpty()) {
      State<T> current = toCheck.pop();
      for (StateTransition<T> transition : current.transitions()) {
        if (transition.action() == TransitionAction.PROCEED && accepts(context, transition, event)) {
          if (transition.target().isFinal()) {
            return transition.target();
          }
          toCheck.push(transition.target());
        }
      }
    }
    return null;
  }

  private boolean accepts(ConditionContext context, StateTransition<T> transition, T event) {
    IterativeCondition<T> condition = transition.condition();
    try {
      return condition == null || condition.filter(event, context);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ConditionFailure(transition.source().stage(), e);
    }
  }

  /** A checked exception of a user condition, carried out of the matching step. */
  public static final class ConditionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConditionFailure(String stage, Exception cause) {
      super("a condition of stage \"" + stage + "\" failed: " + cause, cause);
    }
  }

  /** The TAKE and IGNORE edges of a run, counted as Flink counts them (self-IGNOREs not counted). */
  private final class OutgoingEdges {
    final List<StateTransition<T>> edges = new ArrayList<>();
    final State<T> currentState;
    int totalTakeBranches;
    int totalIgnoreBranches;

    OutgoingEdges(State<T> currentState) {
      this.currentState = currentState;
    }

    void add(StateTransition<T> edge) {
      boolean selfIgnore = edge.action() == TransitionAction.IGNORE && edge.target() == currentState;
      if (!selfIgnore) {
        if (edge.action() == TransitionAction.IGNORE) {
          totalIgnoreBranches++;
        } else if (edge.action() == TransitionAction.TAKE) {
          totalTakeBranches++;
        }
      }
      edges.add(edge);
    }
  }

  // ------------------------------------------------------------------------------- time

  /** A timed-out partial match and its deadline. */
  public record TimedOut<T>(Map<String, List<T>> match, long timestamp) {}

  /**
   * What advancing time produced: matches completed because a window passed (a pattern ending
   * with {@code notFollowedBy}, or matches no longer held back) and timed-out partial matches.
   */
  public record Advanced<T>(List<Map<String, List<T>>> matches, List<TimedOut<T>> timedOut) {}

  /**
   * Tells the NFA that no event earlier than {@code timestamp} will come: runs past their window
   * time out (timed-out partial matches are returned only with timeout handling), pending
   * {@code notFollowedBy} matches complete.
   */
  public Advanced<T> advanceTime(SharedBuffer<T> buffer, NfaState nfaState, long timestamp) throws Exception {
    List<Map<String, List<T>>> matches = new ArrayList<>();
    List<TimedOut<T>> timedOut = new ArrayList<>();
    PriorityQueue<ComputationState> newPartialMatches = NfaState.newQueue();
    PriorityQueue<ComputationState> potentialMatches = NfaState.newQueue();
    long windowTime = compiled.windowTime();
    for (ComputationState run : nfaState.partialMatches()) {
      long stateWindow = compiled.stateWindowTime(run.state());
      boolean timeoutForPrevious = stateWindow > 0 && isTimedOut(run, timestamp, run.previousTimestamp(), stateWindow);
      boolean timeoutForFirst = isTimedOut(run, timestamp, run.startTimestamp(), windowTime);
      if (timeoutForPrevious || timeoutForFirst) {
        nfaState.setStateChanged();
        if (state(run).isPending()) {
          potentialMatches.add(run);
          continue;
        }
        if (handleTimeout) {
          Map<String, List<T>> partial = buffer.materialize(extractCurrentMatch(buffer, run));
          timedOut.add(new TimedOut<>(partial,
              timeoutForPrevious ? run.previousTimestamp() + stateWindow : run.startTimestamp() + windowTime));
        }
        release(buffer, run);
      } else {
        newPartialMatches.add(run);
      }
    }
    emitCompletedMatches(buffer, nfaState, potentialMatches, newPartialMatches, matches);
    nfaState.setPartialMatches(newPartialMatches);
    buffer.advanceTime(timestamp);
    return new Advanced<>(matches, timedOut);
  }

  private boolean isTimedOut(ComputationState run, long timestamp, long since, long window) {
    return !isStart(run) && window > 0L && timestamp - since >= window;
  }

  // ------------------------------------------------------------------------------- emitting

  /**
   * Moves {@code potentialMatches} to the key's completed matches and emits them in the order of
   * their first events — with a skip strategy only while no open run started earlier — pruning
   * what each emitted match discards.
   */
  private void emitCompletedMatches(SharedBuffer<T> buffer, NfaState nfaState, PriorityQueue<ComputationState> potentialMatches,
      PriorityQueue<ComputationState> partialMatches, List<Map<String, List<T>>> result) throws Exception {
    PriorityQueue<ComputationState> completed = nfaState.completedMatches();
    completed.addAll(potentialMatches);
    boolean skipping = compiled.skipStrategy().isSkipStrategy();
    ComputationState earliestMatch;
    while ((earliestMatch = completed.peek()) != null) {
      if (skipping) {
        ComputationState earliestPartialMatch = partialMatches.peek();
        if (earliestPartialMatch != null && ComputationState.BY_START_EVENT.compare(earliestMatch, earliestPartialMatch) > 0) {
          break;
        }
      }
      nfaState.setStateChanged();
      completed.poll();
      List<Map<String, List<EventId>>> matched = buffer.extractPatterns(earliestMatch.previousBufferEntry(), earliestMatch.version());
      pruning.prune(partialMatches, matched, buffer);
      pruning.prune(completed, matched, buffer);
      result.add(buffer.materialize(matched.get(0)));
      buffer.releaseNode(earliestMatch.previousBufferEntry(), earliestMatch.version());
    }
  }

  // ------------------------------------------------------------------------------- helpers

  private Map<String, List<EventId>> extractCurrentMatch(SharedBuffer<T> buffer, ComputationState run) throws Exception {
    if (run.previousBufferEntry() == null) {
      return Map.of();
    }
    List<Map<String, List<EventId>>> paths = buffer.extractPatterns(run.previousBufferEntry(), run.version());
    if (paths.isEmpty()) {
      return Map.of();
    }
    if (paths.size() != 1) {
      throw new IllegalStateException("a partial match must have exactly one path in the shared buffer, found " + paths.size());
    }
    return paths.get(0);
  }

  private void release(SharedBuffer<T> buffer, ComputationState run) throws Exception {
    if (run.previousBufferEntry() != null) {
      buffer.releaseNode(run.previousBufferEntry(), run.version());
    }
  }

  private State<T> state(ComputationState run) {
    return compiled.state(run.state());
  }

  private boolean isStart(ComputationState run) {
    return compiled.state(run.state()).isStart();
  }

  /** The event being processed, registered in the buffer the first time a run takes it. */
  private final class EventWrapper {
    final T event;
    final long timestamp;
    private final SharedBuffer<T> buffer;
    private EventId eventId;

    EventWrapper(T event, long timestamp, SharedBuffer<T> buffer) {
      this.event = event;
      this.timestamp = timestamp;
      this.buffer = buffer;
    }

    EventId eventId() throws Exception {
      if (eventId == null) {
        eventId = buffer.registerEvent(event, timestamp);
      }
      return eventId;
    }

    /** Drops the registration's own reference: the event stays only if a node took it. */
    void close() throws Exception {
      if (eventId != null) {
        buffer.releaseEvent(eventId);
      }
    }
  }

  /** What a condition sees of the run it is evaluated for; the run's events are read once, on first use. */
  private final class ConditionContext implements IterativeCondition.Context<T> {
    private final SharedBuffer<T> buffer;
    private final ComputationState run;
    private final long timestamp;
    private final LongSupplier processingTime;
    private Map<String, List<T>> matchedEvents;

    ConditionContext(SharedBuffer<T> buffer, ComputationState run, long timestamp, LongSupplier processingTime) {
      this.buffer = buffer;
      this.run = run;
      this.timestamp = timestamp;
      this.processingTime = processingTime;
    }

    @Override
    public Iterable<T> getEventsForPattern(String name) throws Exception {
      if (name == null) {
        throw new NullPointerException("stage name must not be null for getEventsForPattern(...)");
      }
      if (matchedEvents == null) {
        matchedEvents = buffer.materialize(extractCurrentMatch(buffer, run));
      }
      List<T> events = matchedEvents.get(name);
      return events == null ? List.of() : Collections.unmodifiableList(events);
    }

    @Override
    public long timestamp() {
      return timestamp;
    }

    @Override
    public long currentProcessingTime() {
      return processingTime.getAsLong();
    }
  }
}
