package io.millrace.cep.pattern;

import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.Quantifier.ConsumingStrategy;
import io.millrace.cep.pattern.Quantifier.QuantifierProperty;
import io.millrace.cep.pattern.Quantifier.Times;
import io.millrace.cep.pattern.conditions.AndCondition;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import io.millrace.cep.pattern.conditions.OrCondition;
import io.millrace.cep.pattern.conditions.SimpleCondition;
import io.millrace.cep.pattern.conditions.SubtypeCondition;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A pattern of events, as Apache Flink CEP writes it: a sequence of named stages, each with the
 * condition its events must meet, a quantifier (how many events it takes) and the contiguity to
 * the stage before it. {@code Pattern.begin(name)} starts the sequence; {@link #next},
 * {@link #followedBy}, {@link #followedByAny}, {@link #notNext} and {@link #notFollowedBy} append
 * a stage and return it, so that {@code where}, the quantifiers and {@code within} that follow
 * apply to that stage. {@link io.millrace.cep.CEP#pattern} compiles the whole sequence.
 *
 * <pre>{@code
 * Pattern<Txn, ?> smallThenLarge = Pattern.<Txn>begin("small").where(t -> t.amount() < 10)
 *     .followedBy("large").where(t -> t.amount() > 1000)
 *     .within(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Contract: a pattern object is mutable while it is built and is read when it is compiled;
 * reusing a stage object in two sequences shares it. Not thread-safe. Stage names must be unique
 * in the sequence. A method that would make the pattern invalid throws a
 * {@link MalformedPatternException} saying why; what only the whole sequence shows (a greedy last
 * stage, a {@code notFollowedBy} ending a pattern without {@code within}) fails in
 * {@code CEP.pattern}.
 *
 * @param <T> the event type of the whole sequence
 * @param <F> the event type of this stage (a subtype of {@code T} after {@link #subtype(Class)})
 */
public class Pattern<T, F extends T> {
  /** The name of the final state the compiler adds; no stage may use it. */
  static final String RESERVED_NAME = "$endState$";

  private final String name;
  private final Pattern<T, ? extends T> previous;
  private final AfterMatchSkipStrategy afterMatchSkipStrategy;
  private final Map<WithinType, Duration> windowTimes = new EnumMap<>(WithinType.class);
  private IterativeCondition<F> condition;
  private Quantifier quantifier;
  private IterativeCondition<F> untilCondition;
  private Times times;

  Pattern(String name, Pattern<T, ? extends T> previous, ConsumingStrategy consumingStrategy,
      AfterMatchSkipStrategy afterMatchSkipStrategy) {
    this.name = name;
    this.previous = previous;
    this.quantifier = Quantifier.one(consumingStrategy);
    this.afterMatchSkipStrategy = Objects.requireNonNull(afterMatchSkipStrategy, "after-match skip strategy must not be null");
  }

  // ------------------------------------------------------------------------------- starting a sequence

  /** Starts a sequence with the stage {@code name}, with the default {@link AfterMatchSkipStrategy#noSkip()}. */
  public static <X> Pattern<X, X> begin(String name) {
    return begin(name, AfterMatchSkipStrategy.noSkip());
  }

  /** Starts a sequence with the stage {@code name} and the skip strategy of its matches. */
  public static <X> Pattern<X, X> begin(String name, AfterMatchSkipStrategy afterMatchSkipStrategy) {
    Objects.requireNonNull(afterMatchSkipStrategy, "after-match skip strategy must not be null for begin(...)");
    return new Pattern<>(checkName(name, "begin", null), null, ConsumingStrategy.STRICT, afterMatchSkipStrategy);
  }

  /** Starts a sequence with a group: the stages of {@code group}, which can be quantified as one. */
  public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group) {
    return begin(group, AfterMatchSkipStrategy.noSkip());
  }

  /** Starts a sequence with a group and the skip strategy of its matches. */
  public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group, AfterMatchSkipStrategy afterMatchSkipStrategy) {
    Objects.requireNonNull(group, "group pattern must not be null for begin(...)");
    Objects.requireNonNull(afterMatchSkipStrategy, "after-match skip strategy must not be null for begin(...)");
    checkNoClash(group, null, "begin");
    return new GroupPattern<>(null, group, ConsumingStrategy.STRICT, afterMatchSkipStrategy);
  }

  // ------------------------------------------------------------------------------- conditions

  /**
   * Adds a condition the stage's events must meet; combined with earlier ones by a logical AND.
   * The lambda form: {@code .where(e -> e.amount() > 1000)}.
   */
  public Pattern<T, F> where(SimpleCondition<F> condition) {
    return where((IterativeCondition<F>) condition);
  }

  /**
   * Adds an iterative condition, which also sees the events the partial match took so far:
   * {@code .where((e, ctx) -> ...)}. Combined with earlier conditions by a logical AND.
   */
  public Pattern<T, F> where(IterativeCondition<F> condition) {
    Objects.requireNonNull(condition, "condition must not be null for where(...) on stage \"" + name + "\"");
    this.condition = this.condition == null ? condition : new AndCondition<>(this.condition, condition);
    return this;
  }

  /** Adds an alternative condition: the stage's events meet the earlier conditions OR this one. */
  public Pattern<T, F> or(SimpleCondition<F> condition) {
    return or((IterativeCondition<F>) condition);
  }

  /** Adds an alternative iterative condition (a logical OR with the earlier conditions). */
  public Pattern<T, F> or(IterativeCondition<F> condition) {
    Objects.requireNonNull(condition, "condition must not be null for or(...) on stage \"" + name + "\"");
    this.condition = this.condition == null ? condition : new OrCondition<>(this.condition, condition);
    return this;
  }

  /** Restricts the stage to events of {@code subtypeClass}; later conditions see that type. */
  public <S extends F> Pattern<T, S> subtype(Class<S> subtypeClass) {
    Objects.requireNonNull(subtypeClass, "subtype class must not be null for subtype(...) on stage \"" + name + "\"");
    SubtypeCondition<F> subtype = new SubtypeCondition<>(subtypeClass);
    this.condition = this.condition == null ? subtype : new AndCondition<>(this.condition, subtype);
    @SuppressWarnings("unchecked")
    Pattern<T, S> narrowed = (Pattern<T, S>) this;
    return narrowed;
  }

  /**
   * Ends a looping stage at the first event meeting {@code condition} (the event is not taken):
   * only for {@link #oneOrMore()} and {@link #timesOrMore(int)} stages.
   */
  public Pattern<T, F> until(SimpleCondition<F> condition) {
    return until((IterativeCondition<F>) condition);
  }

  /** As {@link #until(SimpleCondition)}, with an iterative condition. */
  public Pattern<T, F> until(IterativeCondition<F> condition) {
    Objects.requireNonNull(condition, "condition must not be null for until(...) on stage \"" + name + "\"");
    if (untilCondition != null) {
      throw new MalformedPatternException("stage \"" + name + "\" already has an until(...) condition: a stage takes one");
    }
    if (!quantifier.hasProperty(QuantifierProperty.LOOPING)) {
      throw new MalformedPatternException("until(...) applies to looping stages only, but stage \"" + name
          + "\" does not loop: call oneOrMore() or timesOrMore(...) before until(...)");
    }
    this.untilCondition = condition;
    return this;
  }

  // ------------------------------------------------------------------------------- time

  /** The match must complete within {@code window} of its first event ({@link WithinType#FIRST_AND_LAST}). */
  public Pattern<T, F> within(Duration window) {
    return within(window, WithinType.FIRST_AND_LAST);
  }

  /**
   * Sets a time window of {@code withinType}. {@code FIRST_AND_LAST}: the whole match must
   * complete within {@code window} of its first event; the smallest such window of any stage
   * applies to the sequence. {@code PREVIOUS_AND_CURRENT}: while a partial match waits at this
   * stage, the next event must come within {@code window} of the one it took last. A partial
   * match past its window times out.
   */
  public Pattern<T, F> within(Duration window, WithinType withinType) {
    Objects.requireNonNull(window, "window must not be null for within(...) on stage \"" + name + "\"");
    Objects.requireNonNull(withinType, "within type must not be null for within(...) on stage \"" + name + "\"");
    if (window.isNegative() || window.isZero() || window.toMillis() <= 0) {
      throw new MalformedPatternException("window must be at least 1 ms, got " + window + " for within(...) on stage \"" + name + "\"");
    }
    windowTimes.put(withinType, window);
    return this;
  }

  // ------------------------------------------------------------------------------- appending stages

  /** Appends stage {@code name}, which must take the event right after this stage's (strict contiguity). */
  public Pattern<T, T> next(String name) {
    return new Pattern<>(checkName(name, "next", this), this, ConsumingStrategy.STRICT, afterMatchSkipStrategy);
  }

  /** Appends the negative stage {@code name}: the event right after this stage's must not meet its condition. */
  public Pattern<T, T> notNext(String name) {
    checkNotOptionalBeforeNegation("notNext", name);
    return new Pattern<>(checkName(name, "notNext", this), this, ConsumingStrategy.NOT_NEXT, afterMatchSkipStrategy);
  }

  /** Appends stage {@code name}, taking the first matching event after this stage's (relaxed contiguity). */
  public Pattern<T, T> followedBy(String name) {
    return new Pattern<>(checkName(name, "followedBy", this), this, ConsumingStrategy.SKIP_TILL_NEXT, afterMatchSkipStrategy);
  }

  /**
   * Appends the negative stage {@code name}: no event meeting its condition may come between this
   * stage and the next one. As the last stage, it needs {@link #within}: an event meeting it must
   * not come within the window.
   */
  public Pattern<T, T> notFollowedBy(String name) {
    checkNotOptionalBeforeNegation("notFollowedBy", name);
    return new Pattern<>(checkName(name, "notFollowedBy", this), this, ConsumingStrategy.NOT_FOLLOW, afterMatchSkipStrategy);
  }

  /** Appends stage {@code name}, taking every matching event after this stage's, each in its own match (non-deterministic relaxed contiguity). */
  public Pattern<T, T> followedByAny(String name) {
    return new Pattern<>(checkName(name, "followedByAny", this), this, ConsumingStrategy.SKIP_TILL_ANY, afterMatchSkipStrategy);
  }

  /** Appends a group with strict contiguity. */
  public GroupPattern<T, F> next(Pattern<T, F> group) {
    return appendGroup(group, ConsumingStrategy.STRICT, "next");
  }

  /** Appends a group with relaxed contiguity. */
  public GroupPattern<T, F> followedBy(Pattern<T, F> group) {
    return appendGroup(group, ConsumingStrategy.SKIP_TILL_NEXT, "followedBy");
  }

  /** Appends a group with non-deterministic relaxed contiguity. */
  public GroupPattern<T, F> followedByAny(Pattern<T, F> group) {
    return appendGroup(group, ConsumingStrategy.SKIP_TILL_ANY, "followedByAny");
  }

  private GroupPattern<T, F> appendGroup(Pattern<T, F> group, ConsumingStrategy strategy, String method) {
    Objects.requireNonNull(group, "group pattern must not be null for " + method + "(...)");
    checkNoClash(group, this, method);
    return new GroupPattern<>(this, group, strategy, afterMatchSkipStrategy);
  }

  // ------------------------------------------------------------------------------- quantifiers

  /** Makes the stage optional: a match may skip it. */
  public Pattern<T, F> optional() {
    if (previous != null && previous.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
      throw new MalformedPatternException("stage \"" + name + "\" cannot be optional: it follows the greedy stage \""
          + previous.getName() + "\" (an optional stage cannot be preceded by a greedy one)");
    }
    quantifier.optional(name);
    return this;
  }

  /** The stage takes one or more events (by default with relaxed contiguity between them; see {@link #consecutive()}). */
  public Pattern<T, F> oneOrMore() {
    return timesOrMore(1, null, "oneOrMore()");
  }

  /** As {@link #oneOrMore()}, each event within {@code windowBetweenEvents} of the one before it. */
  public Pattern<T, F> oneOrMore(Duration windowBetweenEvents) {
    return timesOrMore(1, requireWindow(windowBetweenEvents, "oneOrMore"), "oneOrMore(...)");
  }

  /** The stage takes {@code times} or more events. */
  public Pattern<T, F> timesOrMore(int times) {
    return timesOrMore(times, null, "timesOrMore(" + times + ")");
  }

  /** As {@link #timesOrMore(int)}, each event within {@code windowBetweenEvents} of the one before it. */
  public Pattern<T, F> timesOrMore(int times, Duration windowBetweenEvents) {
    return timesOrMore(times, requireWindow(windowBetweenEvents, "timesOrMore"), "timesOrMore(" + times + ", ...)");
  }

  private Pattern<T, F> timesOrMore(int times, Duration window, String call) {
    checkQuantifiable(call);
    if (times <= 0) {
      throw new MalformedPatternException("the number of events must be positive, got " + times + " for " + call
          + " on stage \"" + name + "\" (use optional() for a stage that may take none)");
    }
    this.quantifier = Quantifier.looping(quantifier.getConsumingStrategy());
    this.times = Times.of(times, times, window);
    return this;
  }

  /** The stage takes exactly {@code times} events. */
  public Pattern<T, F> times(int times) {
    return exactly(times, null, "times(" + times + ")");
  }

  /** As {@link #times(int)}, each event within {@code windowBetweenEvents} of the one before it. */
  public Pattern<T, F> times(int times, Duration windowBetweenEvents) {
    return exactly(times, requireWindow(windowBetweenEvents, "times"), "times(" + times + ", ...)");
  }

  /** The stage takes {@code from} to {@code to} events; {@code from} 0 makes it optional. */
  public Pattern<T, F> times(int from, int to) {
    return range(from, to, null, "times(" + from + ", " + to + ")");
  }

  /** As {@link #times(int, int)}, each event within {@code windowBetweenEvents} of the one before it. */
  public Pattern<T, F> times(int from, int to, Duration windowBetweenEvents) {
    return range(from, to, requireWindow(windowBetweenEvents, "times"), "times(" + from + ", " + to + ", ...)");
  }

  private Pattern<T, F> exactly(int times, Duration window, String call) {
    checkQuantifiable(call);
    if (times <= 0) {
      throw new MalformedPatternException("the number of events must be positive, got " + times + " for " + call
          + " on stage \"" + name + "\" (use optional() for a stage that may take none)");
    }
    this.quantifier = Quantifier.times(quantifier.getConsumingStrategy());
    this.times = Times.of(times, times, window);
    return this;
  }

  private Pattern<T, F> range(int from, int to, Duration window, String call) {
    checkQuantifiable(call);
    if (from < 0) {
      throw new MalformedPatternException("the minimum number of events must not be negative, got " + from + " for " + call
          + " on stage \"" + name + "\"");
    }
    if (to < Math.max(from, 1)) {
      throw new MalformedPatternException("the maximum number of events must be at least the minimum and at least 1, got "
          + to + " for " + call + " on stage \"" + name + "\"");
    }
    this.quantifier = Quantifier.times(quantifier.getConsumingStrategy());
    if (from == 0) {
      this.quantifier.optional(name);
    }
    this.times = Times.of(Math.max(from, 1), to, window);
    return this;
  }

  /**
   * Makes a looping or times stage greedy: an event the stage can take is never used to leave
   * it. Not for the last stage of a sequence (checked by {@code CEP.pattern}), nor for groups.
   */
  public Pattern<T, F> greedy() {
    checkNotNegative("greedy()");
    if (this instanceof GroupPattern<?, ?>) {
      throw new MalformedPatternException("greedy() does not apply to a group pattern: make a stage inside the group greedy");
    }
    quantifier.greedy(name);
    return this;
  }

  /**
   * For a looping or times stage: its events may combine non-deterministically, skipping
   * matching events between them (for {@code A+ B} and {@code A1 A2 B}, also {@code A2 B} comes
   * with {@code A1 B} and {@code A1 A2 B}).
   */
  public Pattern<T, F> allowCombinations() {
    quantifier.combinations(name);
    return this;
  }

  /** For a looping or times stage: its events must follow each other strictly (no event in between). */
  public Pattern<T, F> consecutive() {
    quantifier.consecutive(name);
    return this;
  }

  // ------------------------------------------------------------------------------- reading

  /** The stage's name. */
  public String getName() {
    return name;
  }

  /** The stage before this one, or null for the first. */
  public Pattern<T, ? extends T> getPrevious() {
    return previous;
  }

  /** The number of events of a looping or times stage, or null for a single-event stage. */
  public Times getTimes() {
    return times;
  }

  /** The {@link WithinType#FIRST_AND_LAST} window set on this stage, if any. */
  public Optional<Duration> getWindowSize() {
    return getWindowSize(WithinType.FIRST_AND_LAST);
  }

  /** The window of {@code withinType} set on this stage, if any. */
  public Optional<Duration> getWindowSize(WithinType withinType) {
    return Optional.ofNullable(windowTimes.get(withinType));
  }

  /** The stage's quantifier. */
  public Quantifier getQuantifier() {
    return quantifier;
  }

  /** The stage's condition (all {@code where}/{@code or}/{@code subtype} combined), or null if it has none (every event). */
  public IterativeCondition<F> getCondition() {
    return condition;
  }

  /** The stage's {@code until} condition, or null. */
  public IterativeCondition<F> getUntilCondition() {
    return untilCondition;
  }

  /** The skip strategy of the sequence's matches. */
  public AfterMatchSkipStrategy getAfterMatchSkipStrategy() {
    return afterMatchSkipStrategy;
  }

  @Override
  public String toString() {
    return "Pattern{" + name + ", " + quantifier + (times == null ? "" : ", " + times)
        + (windowTimes.isEmpty() ? "" : ", within " + windowTimes) + (previous == null ? "" : ", after " + previous.getName()) + "}";
  }

  // ------------------------------------------------------------------------------- validation

  private void checkQuantifiable(String call) {
    checkNotNegative(call);
    if (!quantifier.hasProperty(QuantifierProperty.SINGLE)) {
      throw new MalformedPatternException("stage \"" + name + "\" already has a quantifier (" + quantifier + "), so "
          + call + " cannot be applied: a stage takes one of oneOrMore, timesOrMore and times");
    }
  }

  private void checkNotNegative(String call) {
    ConsumingStrategy strategy = quantifier.getConsumingStrategy();
    if (strategy == ConsumingStrategy.NOT_FOLLOW || strategy == ConsumingStrategy.NOT_NEXT) {
      throw new MalformedPatternException(call + " does not apply to the negative stage \"" + name
          + "\" (notNext/notFollowedBy), which takes no event");
    }
  }

  private void checkNotOptionalBeforeNegation(String method, String negativeName) {
    if (quantifier.hasProperty(QuantifierProperty.OPTIONAL)) {
      throw new MalformedPatternException("the optional stage \"" + name + "\" cannot be followed by " + method + "(\""
          + negativeName + "\"): a negative stage after an optional one is not supported; write two patterns,"
          + " one with and one without \"" + name + "\"");
    }
  }

  private Duration requireWindow(Duration window, String method) {
    Objects.requireNonNull(window, "window must not be null for " + method + "(...) on stage \"" + name + "\"");
    if (window.isNegative() || window.toMillis() <= 0) {
      throw new MalformedPatternException("window must be at least 1 ms, got " + window + " for " + method + "(...) on stage \"" + name + "\"");
    }
    return window;
  }

  private static String checkName(String name, String method, Pattern<?, ?> sequence) {
    Objects.requireNonNull(name, "stage name must not be null for " + method + "(...)");
    if (name.isBlank()) {
      throw new MalformedPatternException("stage name must not be blank for " + method + "(...)");
    }
    if (RESERVED_NAME.equals(name)) {
      throw new MalformedPatternException("the stage name " + RESERVED_NAME + " is reserved for the final state: choose another name for " + method + "(...)");
    }
    if (sequence != null && namesOf(sequence).contains(name)) {
      throw new MalformedPatternException("duplicate stage name \"" + name + "\" in " + method + "(\"" + name
          + "\"): the sequence already has a stage of that name, and stage names must be unique");
    }
    return name;
  }

  private static void checkNoClash(Pattern<?, ?> group, Pattern<?, ?> sequence, String method) {
    Set<String> inGroup = new HashSet<>();
    collectNames(group, inGroup, true);
    if (sequence != null) {
      for (String used : namesOf(sequence)) {
        if (inGroup.contains(used)) {
          throw new MalformedPatternException("duplicate stage name \"" + used + "\" in " + method
              + "(group): the group and the sequence both have a stage of that name, and stage names must be unique");
        }
      }
    }
  }

  /** The stage names of {@code sequence}: this stage, the ones before it, and those inside groups. */
  static Set<String> namesOf(Pattern<?, ?> sequence) {
    Set<String> names = new HashSet<>();
    collectNames(sequence, names, false);
    return names;
  }

  private static void collectNames(Pattern<?, ?> sequence, Set<String> names, boolean failOnDuplicate) {
    for (Pattern<?, ?> stage = sequence; stage != null; stage = stage.getPrevious()) {
      if (stage instanceof GroupPattern<?, ?> group) {
        collectNames(group.getRawPattern(), names, failOnDuplicate);
      } else if (!names.add(stage.getName()) && failOnDuplicate) {
        throw new MalformedPatternException("duplicate stage name \"" + stage.getName() + "\": stage names must be unique");
      }
    }
  }
}
