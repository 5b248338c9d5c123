package io.millrace.cep.internal.nfa;

import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.GroupPattern;
import io.millrace.cep.pattern.MalformedPatternException;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.Quantifier;
import io.millrace.cep.pattern.Quantifier.ConsumingStrategy;
import io.millrace.cep.pattern.Quantifier.QuantifierProperty;
import io.millrace.cep.pattern.Quantifier.Times;
import io.millrace.cep.pattern.WithinType;
import io.millrace.cep.pattern.conditions.AndCondition;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import io.millrace.cep.pattern.conditions.NotCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link Pattern} to the NFA that matches it, with Apache Flink's construction
 * ({@code NFACompiler}), so that the NFA branches, and therefore the matches and the order in
 * which they complete, are Flink's: the pattern is walked from its last stage to its first; each
 * stage becomes one or more states with TAKE, IGNORE and PROCEED transitions (loops and times
 * become chains of states; negative stages become conditions on transitions to STOP states, or
 * a PENDING state when {@code notFollowedBy} ends the pattern); greedy stages exclude their own
 * events from the transitions after them.
 *
 * <p>Also validates what only the whole pattern shows, with messages that name the fix.
 *
 * @param <T> the event type
 */
public final class NfaCompiler<T> {
  static final String ENDING_STATE_NAME = "$endState$";

  private final Map<String, State<T>> stopStates = new HashMap<>();
  private final List<State<T>> states = new ArrayList<>();
  private final Map<State<T>, Long> windowTimes = new IdentityHashMap<>();
  private final Set<String> usedNames = new HashSet<>();
  private final Map<String, Integer> stageIndexes = new LinkedHashMap<>();
  private final Map<GroupPattern<T, ?>, Boolean> firstOfLoop = new IdentityHashMap<>();
  private final Map<String, State<T>> originalStates = new HashMap<>();
  private final AfterMatchSkipStrategy skipStrategy;

  private long windowTime;
  private GroupPattern<T, ?> currentGroupPattern;
  private Pattern<T, ?> currentPattern;
  private Pattern<T, ?> followingPattern;

  private NfaCompiler(Pattern<T, ?> pattern) {
    this.currentPattern = pattern;
    this.skipStrategy = pattern.getAfterMatchSkipStrategy();
  }

  /**
   * Compiles {@code pattern} (given by its last stage).
   *
   * @throws MalformedPatternException if the pattern cannot be matched
   */
  public static <T> CompiledNfa<T> compile(Pattern<T, ?> pattern) {
    return new NfaCompiler<>(pattern).compile();
  }

  @SuppressWarnings("unchecked")
  private CompiledNfa<T> compile() {
    Pattern<T, ?> lastPattern = currentPattern;
    checkStageNames(lastPattern);
    checkSkipStrategy(lastPattern);
    checkGreedyLast(lastPattern);
    State<T> sink = createEndingState();
    sink = createMiddleStates(sink);
    State<T> start = createStartState(sink);
    checkWindowTimes();
    if (lastPattern.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW) {
      boolean hasStateWindow = false;
      for (Map.Entry<State<T>, Long> window : windowTimes.entrySet()) {
        hasStateWindow |= window.getKey().name().equals(lastPattern.getName()) && window.getValue() > 0;
      }
      if (!hasStateWindow && windowTime == 0) {
        throw new MalformedPatternException("the pattern ends with notFollowedBy(\"" + lastPattern.getName()
            + "\") but has no within(...): a pattern can only end with notFollowedBy if it has a time window"
            + " (the match is known once the window passes without a forbidden event); add within(...)");
      }
    }
    List<String> stageNames = new ArrayList<>(stageIndexes.keySet());
    long[] stateWindows = new long[states.size()];
    for (int i = 0; i < states.size(); i++) {
      State<T> state = states.get(i);
      state.setIndexes(i, stageIndexes.getOrDefault(state.stage(), -1));
      Long window = windowTimes.get(state);
      stateWindows[i] = window == null ? 0 : window;
    }
    return new CompiledNfa<>(List.copyOf(states), start.index(), windowTime, stateWindows, List.copyOf(stageNames), skipStrategy);
  }

  // ------------------------------------------------------------------------------- validation

  private void checkStageNames(Pattern<T, ?> last) {
    Set<String> seen = new HashSet<>();
    seen.add(ENDING_STATE_NAME);
    collectStageNames(last, seen);
  }

  private void collectStageNames(Pattern<?, ?> last, Set<String> seen) {
    List<Pattern<?, ?>> chain = new ArrayList<>();
    for (Pattern<?, ?> stage = last; stage != null; stage = stage.getPrevious()) {
      chain.add(0, stage);
    }
    for (Pattern<?, ?> stage : chain) {
      if (stage instanceof GroupPattern<?, ?> group) {
        collectStageNames(group.getRawPattern(), seen);
      } else {
        if (!seen.add(stage.getName())) {
          throw new MalformedPatternException("duplicate stage name \"" + stage.getName()
              + "\": stage names must be unique in a pattern (they name the events of a match)");
        }
        stageIndexes.putIfAbsent(stage.getName(), stageIndexes.size());
      }
    }
  }

  private void checkSkipStrategy(Pattern<T, ?> last) {
    String target = skipStrategy.getPatternName().orElse(null);
    if (target != null && !stageIndexes.containsKey(target)) {
      throw new MalformedPatternException("the after-match skip strategy " + skipStrategy + " names the stage \"" + target
          + "\", which the pattern does not have; its stages are " + stageIndexes.keySet());
    }
  }

  private static void checkGreedyLast(Pattern<?, ?> last) {
    if (last.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
      throw new MalformedPatternException("greedy() on the last stage \"" + last.getName() + "\" is not supported (as in Flink):"
          + " a greedy stage needs a following stage to exclude its events from; remove greedy() or add a stage after it");
    }
  }

  private void checkWindowTimes() {
    if (windowTime > 0) {
      for (Map.Entry<State<T>, Long> window : windowTimes.entrySet()) {
        if (window.getValue() > windowTime) {
          throw new MalformedPatternException("the window " + Duration.ofMillis(window.getValue()) + " between events of stage \""
              + window.getKey().stage() + "\" (PREVIOUS_AND_CURRENT) is larger than the pattern's window "
              + Duration.ofMillis(windowTime) + " (FIRST_AND_LAST): make it at most that");
        }
      }
    }
  }

  // ------------------------------------------------------------------------------- states

  private State<T> createEndingState() {
    State<T> end = createState(ENDING_STATE_NAME, ENDING_STATE_NAME, State.Type.FINAL);
    windowTime = millis(currentPattern.getWindowSize().orElse(null));
    stageIndexes.putIfAbsent(ENDING_STATE_NAME, stageIndexes.size());
    return end;
  }

  private State<T> createMiddleStates(State<T> sink) {
    State<T> lastSink = sink;
    while (currentPattern.getPrevious() != null) {
      ConsumingStrategy strategy = currentPattern.getQuantifier().getConsumingStrategy();
      if (strategy == ConsumingStrategy.NOT_FOLLOW) {
        // Between stages a notFollowedBy is a condition on the edges of the following states;
        // at the end of a pattern with a window it is a PENDING state.
        if ((currentPattern.getWindowSize(WithinType.PREVIOUS_AND_CURRENT).isPresent() || windowTime > 0) && lastSink.isFinal()) {
          State<T> notFollow = createState(State.Type.PENDING, true);
          IterativeCondition<T> notCondition = takeCondition(currentPattern);
          State<T> stop = createStopState(notCondition, currentPattern.getName());
          notFollow.addProceed(stop, notCondition);
          notFollow.addIgnore(new NotCondition<>(notCondition));
          lastSink = notFollow;
        }
      } else if (strategy == ConsumingStrategy.NOT_NEXT) {
        State<T> notNext = createState(State.Type.NORMAL, true);
        IterativeCondition<T> notCondition = takeCondition(currentPattern);
        State<T> stop = createStopState(notCondition, currentPattern.getName());
        if (lastSink.isFinal()) {
          // an IGNORE, so that reaching the final state does not take the event
          notNext.addIgnore(lastSink, new NotCondition<>(notCondition));
        } else {
          notNext.addProceed(lastSink, new NotCondition<>(notCondition));
        }
        notNext.addProceed(stop, notCondition);
        lastSink = notNext;
      } else {
        lastSink = convertPattern(lastSink);
      }
      followingPattern = currentPattern;
      currentPattern = currentPattern.getPrevious();
      long window = millis(currentPattern.getWindowSize().orElse(null));
      if (window > 0 && (windowTime == 0 || window < windowTime)) {
        windowTime = window;
      }
    }
    return lastSink;
  }

  private State<T> createStartState(State<T> sink) {
    State<T> start = convertPattern(sink);
    start.makeStart();
    return start;
  }

  private State<T> convertPattern(State<T> sink) {
    State<T> lastSink;
    Quantifier quantifier = currentPattern.getQuantifier();
    if (quantifier.hasProperty(QuantifierProperty.LOOPING)) {
      // once the loop has started, the negations before the optional states no longer apply
      setCurrentGroupPatternFirstOfLoop(false);
      State<T> withoutNots = copyWithoutTransitiveNots(sink);
      State<T> looping = createLooping(withoutNots);
      setCurrentGroupPatternFirstOfLoop(true);
      lastSink = createTimesState(looping, sink, currentPattern.getTimes());
    } else if (quantifier.hasProperty(QuantifierProperty.TIMES)) {
      lastSink = createTimesState(sink, sink, currentPattern.getTimes());
    } else {
      lastSink = createSingletonState(sink);
    }
    addStopStates(lastSink);
    return lastSink;
  }

  /** A state of the current stage; a state that takes events gets the stage's PREVIOUS_AND_CURRENT window. */
  private State<T> createState(State.Type type, boolean isTake) {
    State<T> state = createState(currentPattern.getName(), stageOf(currentPattern), type);
    if (isTake) {
      Times times = currentPattern.getTimes();
      if (times == null) {
        currentPattern.getWindowSize(WithinType.PREVIOUS_AND_CURRENT).ifPresent(window -> windowTimes.put(state, window.toMillis()));
      } else if (state.suffixedName()) {
        times.getWindowSize().ifPresent(window -> windowTimes.put(state, window.toMillis()));
      }
    }
    return state;
  }

  private State<T> createState(String baseName, String stage, State.Type type) {
    String name = baseName;
    int counter = 0;
    while (usedNames.contains(name)) {
      name = baseName + ":" + counter++;
    }
    usedNames.add(name);
    State<T> state = new State<>(name, stage, !name.equals(baseName), type);
    states.add(state);
    return state;
  }

  private String stageOf(Pattern<T, ?> pattern) {
    return pattern.getName();
  }

  private State<T> createStopState(IterativeCondition<T> notCondition, String name) {
    State<T> stop = stopStates.get(name);
    if (stop == null) {
      stop = createState(name, name, State.Type.STOP);
      stop.addTake(notCondition);
      stopStates.put(name, stop);
    }
    return stop;
  }

  /**
   * The copy of {@code sink} (and of the states it proceeds to) without the transitions to the
   * STOP states of negations that precede the current optional stage: taking an event in an
   * optional stage ends those negations.
   */
  private State<T> copyWithoutTransitiveNots(State<T> sink) {
    List<NotStage<T>> nots = currentNotConditions();
    if (nots.isEmpty() || !currentPattern.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL)) {
      return sink;
    }
    State<T> copy = createState(sink.name(), sink.stage(), sink.type());
    for (StateTransition<T> transition : sink.transitions()) {
      if (transition.action() == TransitionAction.PROCEED) {
        State<T> target = transition.target();
        boolean remove = false;
        if (target.isStop()) {
          for (NotStage<T> not : nots) {
            if (target.name().equals(not.name())) {
              remove = true;
            }
          }
        } else {
          target = copyWithoutTransitiveNots(target);
        }
        if (!remove) {
          copy.addTransition(transition.action(), target, transition.condition());
        }
      } else {
        copy.addTransition(transition.action(), transition.target() == transition.source() ? copy : transition.target(),
            transition.condition());
      }
    }
    return copy;
  }

  private State<T> copy(State<T> state) {
    State<T> copy = createState(state.stage(), state.stage(), state.type());
    for (StateTransition<T> transition : state.transitions()) {
      copy.addTransition(transition.action(), transition.target() == transition.source() ? copy : transition.target(),
          transition.condition());
    }
    return copy;
  }

  private void addStopStates(State<T> state) {
    for (NotStage<T> not : currentNotConditions()) {
      state.addProceed(createStopState(not.condition(), not.name()), not.condition());
    }
  }

  private void addStopStateToLooping(State<T> loopingState) {
    if (followingPattern != null && followingPattern.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW) {
      IterativeCondition<T> notCondition = takeCondition(followingPattern);
      loopingState.addProceed(createStopState(notCondition, followingPattern.getName()), notCondition);
    }
  }

  /** A negative stage that still applies: its condition and name. */
  private record NotStage<T>(IterativeCondition<T> condition, String name) {}

  /**
   * The notFollowedBy stages right before the current stage, possibly across optional stages:
   * an event meeting one of them ends the partial match.
   */
  private List<NotStage<T>> currentNotConditions() {
    List<NotStage<T>> nots = new ArrayList<>();
    Pattern<T, ?> previous = currentPattern;
    while (previous.getPrevious() != null
        && (previous.getPrevious().getQuantifier().hasProperty(QuantifierProperty.OPTIONAL)
            || previous.getPrevious().getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW)) {
      previous = cast(previous.getPrevious());
      if (previous.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW) {
        nots.add(new NotStage<>(takeCondition(previous), previous.getName()));
      }
    }
    return nots;
  }

  /** A chain of states for a times stage (and the first states of a loop): {@code from} to {@code to} events. */
  private State<T> createTimesState(State<T> sink, State<T> proceedState, Times times) {
    State<T> lastSink = sink;
    setCurrentGroupPatternFirstOfLoop(false);
    IterativeCondition<T> until = untilCondition(currentPattern);
    IterativeCondition<T> innerIgnore = extendWithUntil(innerIgnoreCondition(currentPattern), until, false);
    IterativeCondition<T> take = extendWithUntil(takeCondition(currentPattern), until, true);
    if (currentPattern.getQuantifier().hasProperty(QuantifierProperty.GREEDY) && times.getFrom() != times.getTo()) {
      if (until != null) {
        State<T> sinkCopy = copy(sink);
        originalStates.put(sink.name(), sinkCopy);
      }
      updateWithGreedyCondition(sink, take);
    }
    for (int i = times.getFrom(); i < times.getTo(); i++) {
      lastSink = createSingletonState(lastSink, proceedState, take, innerIgnore, true);
      addStopStateToLooping(lastSink);
    }
    for (int i = 0; i < times.getFrom() - 1; i++) {
      lastSink = createSingletonState(lastSink, null, take, innerIgnore, false);
      addStopStateToLooping(lastSink);
    }
    setCurrentGroupPatternFirstOfLoop(true);
    return createSingletonState(lastSink, proceedState, take, ignoreCondition(currentPattern), isOptional(currentPattern));
  }

  private void setCurrentGroupPatternFirstOfLoop(boolean first) {
    if (currentPattern instanceof GroupPattern<?, ?>) {
      firstOfLoop.put(cast(currentPattern), first);
    }
  }

  private boolean isCurrentGroupPatternFirstOfLoop() {
    return firstOfLoop.getOrDefault(currentGroupPattern, true);
  }

  private boolean headOfGroup(Pattern<T, ?> pattern) {
    return currentGroupPattern != null && pattern.getPrevious() == null;
  }

  private static boolean isOptional(Pattern<?, ?> pattern) {
    return pattern.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL);
  }

  private boolean isHeadOfOptionalGroupPattern(Pattern<T, ?> pattern) {
    return headOfGroup(pattern) && isCurrentGroupPatternFirstOfLoop()
        && currentGroupPattern.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL);
  }

  private State<T> createSingletonState(State<T> sink) {
    return createSingletonState(sink, sink, takeCondition(currentPattern), ignoreCondition(currentPattern), isOptional(currentPattern));
  }

  /**
   * A state taking one event of the current stage; an optional one also proceeds to
   * {@code proceedState}, and where it may ignore events, a separate ignoring state keeps the
   * proceed branch from being created twice.
   */
  private State<T> createSingletonState(State<T> sink, State<T> proceedState, IterativeCondition<T> take,
      IterativeCondition<T> ignore, boolean optional) {
    if (currentPattern instanceof GroupPattern<?, ?> group) {
      return createGroupPatternState(cast(group), sink, proceedState, optional);
    }
    State<T> singleton = createState(State.Type.NORMAL, true);
    // an event taken here ends the negations before this stage
    State<T> target = copyWithoutTransitiveNots(sink);
    singleton.addTake(target, take);
    IterativeCondition<T> proceed = trueCondition();
    if (optional) {
      if (currentPattern.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
        IterativeCondition<T> until = untilCondition(currentPattern);
        if (until != null) {
          singleton.addProceed(originalStates.get(proceedState.name()), new AndCondition<>(proceed, until));
        }
        singleton.addProceed(proceedState, until != null ? new AndCondition<>(proceed, new NotCondition<>(until)) : proceed);
      } else {
        singleton.addProceed(proceedState, proceed);
      }
    }
    if (ignore != null) {
      State<T> ignoreState;
      if (optional || isHeadOfOptionalGroupPattern(currentPattern)) {
        ignoreState = createState(State.Type.NORMAL, false);
        ignoreState.addTake(target, take);
        ignoreState.addIgnore(ignore);
        addStopStates(ignoreState);
      } else {
        ignoreState = singleton;
      }
      singleton.addIgnore(ignoreState, ignore);
    }
    return singleton;
  }

  private State<T> createGroupPatternState(GroupPattern<T, ?> group, State<T> sink, State<T> proceedState, boolean optional) {
    IterativeCondition<T> proceed = trueCondition();
    Pattern<T, ?> oldCurrent = currentPattern;
    Pattern<T, ?> oldFollowing = followingPattern;
    GroupPattern<T, ?> oldGroup = currentGroupPattern;
    currentGroupPattern = group;
    currentPattern = cast(group.getRawPattern());
    State<T> lastSink = createMiddleStates(sink);
    lastSink = convertPattern(lastSink);
    if (optional) {
      lastSink.addProceed(proceedState, proceed);
    }
    currentPattern = oldCurrent;
    followingPattern = oldFollowing;
    currentGroupPattern = oldGroup;
    return lastSink;
  }

  private State<T> createLoopingGroupPatternState(GroupPattern<T, ?> group, State<T> sink) {
    IterativeCondition<T> proceed = trueCondition();
    Pattern<T, ?> oldCurrent = currentPattern;
    Pattern<T, ?> oldFollowing = followingPattern;
    GroupPattern<T, ?> oldGroup = currentGroupPattern;
    State<T> dummy = createState(State.Type.NORMAL, true);
    currentGroupPattern = group;
    currentPattern = cast(group.getRawPattern());
    State<T> lastSink = createMiddleStates(dummy);
    lastSink = convertPattern(lastSink);
    lastSink.addProceed(sink, proceed);
    dummy.addProceed(lastSink, proceed);
    currentPattern = oldCurrent;
    followingPattern = oldFollowing;
    currentGroupPattern = oldGroup;
    return lastSink;
  }

  /** The looping state of a loop: takes its stage's events again and again, and proceeds to {@code sink}. */
  private State<T> createLooping(State<T> sink) {
    if (currentPattern instanceof GroupPattern<?, ?> group) {
      return createLoopingGroupPatternState(cast(group), sink);
    }
    IterativeCondition<T> until = untilCondition(currentPattern);
    IterativeCondition<T> ignore = extendWithUntil(innerIgnoreCondition(currentPattern), until, false);
    IterativeCondition<T> take = extendWithUntil(takeCondition(currentPattern), until, true);
    IterativeCondition<T> proceed = trueCondition();
    State<T> looping = createState(State.Type.NORMAL, true);
    if (currentPattern.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
      if (until != null) {
        State<T> sinkCopy = copy(sink);
        looping.addProceed(sinkCopy, new AndCondition<>(proceed, until));
        originalStates.put(sink.name(), sinkCopy);
      }
      looping.addProceed(sink, until != null ? new AndCondition<>(proceed, new NotCondition<>(until)) : proceed);
      updateWithGreedyCondition(sink, takeCondition(currentPattern));
    } else {
      looping.addProceed(sink, proceed);
    }
    looping.addTake(take);
    addStopStateToLooping(looping);
    if (ignore != null) {
      State<T> ignoreState = createState(State.Type.NORMAL, false);
      ignoreState.addTake(looping, take);
      ignoreState.addIgnore(ignore);
      looping.addIgnore(ignoreState, ignore);
      addStopStateToLooping(ignoreState);
    }
    return looping;
  }

  // ------------------------------------------------------------------------------- conditions

  private IterativeCondition<T> extendWithUntil(IterativeCondition<T> condition, IterativeCondition<T> until, boolean isTake) {
    if (until != null && condition != null) {
      return new AndCondition<>(new NotCondition<>(until), condition);
    } else if (until != null && isTake) {
      return new NotCondition<>(until);
    }
    return condition;
  }

  private IterativeCondition<T> innerIgnoreCondition(Pattern<T, ?> pattern) {
    ConsumingStrategy strategy = pattern.getQuantifier().getInnerConsumingStrategy();
    if (headOfGroup(pattern)) {
      strategy = currentGroupPattern.getQuantifier().getInnerConsumingStrategy();
    }
    return withGroupUntil(ignoreFor(strategy, pattern));
  }

  private IterativeCondition<T> ignoreCondition(Pattern<T, ?> pattern) {
    ConsumingStrategy strategy = pattern.getQuantifier().getConsumingStrategy();
    if (headOfGroup(pattern)) {
      strategy = isCurrentGroupPatternFirstOfLoop()
          ? currentGroupPattern.getQuantifier().getConsumingStrategy()
          : currentGroupPattern.getQuantifier().getInnerConsumingStrategy();
    }
    return withGroupUntil(ignoreFor(strategy, pattern));
  }

  private IterativeCondition<T> ignoreFor(ConsumingStrategy strategy, Pattern<T, ?> pattern) {
    return switch (strategy) {
      case SKIP_TILL_NEXT -> new NotCondition<>(conditionOf(pattern));
      case SKIP_TILL_ANY -> trueCondition();
      default -> null;
    };
  }

  private IterativeCondition<T> withGroupUntil(IterativeCondition<T> ignore) {
    if (currentGroupPattern != null && currentGroupPattern.getUntilCondition() != null) {
      return extendWithUntil(ignore, cast(currentGroupPattern.getUntilCondition()), false);
    }
    return ignore;
  }

  private IterativeCondition<T> takeCondition(Pattern<T, ?> pattern) {
    IterativeCondition<T> take = conditionOf(pattern);
    if (currentGroupPattern != null && currentGroupPattern.getUntilCondition() != null) {
      take = extendWithUntil(take, cast(currentGroupPattern.getUntilCondition()), true);
    }
    return take;
  }

  private IterativeCondition<T> trueCondition() {
    IterativeCondition<T> condition = TrueCondition.get();
    if (currentGroupPattern != null && currentGroupPattern.getUntilCondition() != null) {
      condition = extendWithUntil(condition, cast(currentGroupPattern.getUntilCondition()), true);
    }
    return condition;
  }

  private IterativeCondition<T> conditionOf(Pattern<T, ?> pattern) {
    IterativeCondition<?> condition = pattern.getCondition();
    return condition == null ? TrueCondition.get() : cast(condition);
  }

  private IterativeCondition<T> untilCondition(Pattern<T, ?> pattern) {
    IterativeCondition<?> until = pattern.getUntilCondition();
    return until == null ? null : cast(until);
  }

  /** Makes every transition of {@code state} exclude the events {@code take} accepts. */
  private void updateWithGreedyCondition(State<T> state, IterativeCondition<T> take) {
    for (StateTransition<T> transition : state.transitions()) {
      transition.setCondition(new AndCondition<>(transition.condition(), new NotCondition<>(take)));
    }
  }

  private static long millis(Duration duration) {
    return duration == null ? 0 : duration.toMillis();
  }

  @SuppressWarnings("unchecked")
  private static <X> X cast(Object value) {
    return (X) value;
  }
}
