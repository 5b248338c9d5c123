package io.millrace.conformance;

import java.util.EnumSet;
import java.util.Set;

/** One entry of {@code spec.json}'s {@code operators}; its {@code id} is the {@code op} of its output lines. */
sealed interface OperatorSpec {

  String id();

  /** Whether the operator reads the right stream as well as the left one. */
  default boolean readsTwoStreams() {
    return false;
  }

  /** Whether the operator sends late elements to {@code expected-late.jsonl}. */
  default boolean lateSideOutput() {
    return false;
  }

  static OperatorSpec parse(JsonObject operator) {
    String id = operator.string("id");
    String type = operator.string("type");
    return switch (type) {
      case "window" -> Window.parse(id, operator);
      case "keyedProcess" -> KeyedProcess.parse(id, operator);
      case "windowJoin" -> {
        operator.allowOnly(Set.of("id", "type", "window"));
        yield new WindowJoin(id, WindowSpec.parseTimeWindow(operator.object("window")));
      }
      case "coGroup" -> {
        operator.allowOnly(Set.of("id", "type", "window"));
        yield new CoGroup(id, WindowSpec.parseTimeWindow(operator.object("window")));
      }
      case "intervalJoin" -> IntervalJoin.parse(id, operator);
      case "cep" -> Cep.parse(id, operator);
      default -> throw new ScenarioFormatException(operator.path() + ".type must be window, keyedProcess, "
          + "windowJoin, coGroup, intervalJoin or cep, got \"" + type + "\"");
    };
  }

  /** Operator {@code window}: a windowed stream of the keyed left stream and a window function. */
  record Window(String id, WindowSpec window, long allowedLatenessMs, boolean lateSideOutput, FunctionSpec function)
      implements OperatorSpec {

    static Window parse(String id, JsonObject operator) {
      operator.allowOnly(Set.of("id", "type", "window", "allowedLatenessMs", "lateSideOutput", "function"));
      WindowSpec window = WindowSpec.parse(operator.object("window"));
      long lateness = operator.integer("allowedLatenessMs", 0);
      boolean lateSideOutput = operator.bool("lateSideOutput", false);
      if (lateness < 0) {
        throw new ScenarioFormatException(operator.path() + ".allowedLatenessMs must not be negative, got " + lateness);
      }
      if (window instanceof WindowSpec.Count && (lateness != 0 || lateSideOutput)) {
        throw new ScenarioFormatException(
            operator.path() + ": count windows take no allowedLatenessMs and no lateSideOutput");
      }
      return new Window(id, window, lateness, lateSideOutput, FunctionSpec.parse(operator.object("function")));
    }
  }

  /**
   * The function of a window operator.
   *
   * @param kind reduce, aggregate or process
   * @param windowInfo whether a ProcessWindowFunction adds start, end and wm (always for process)
   * @param measures what the line reports (reduce: {@code sum} only)
   */
  record FunctionSpec(Kind kind, boolean windowInfo, Set<Measure> measures) {

    /** The three window function families. */
    enum Kind {
      REDUCE,
      AGGREGATE,
      PROCESS
    }

    static FunctionSpec parse(JsonObject function) {
      String type = function.string("type");
      return switch (type) {
        case "reduce" -> {
          function.allowOnly(Set.of("type", "windowInfo"));
          yield new FunctionSpec(Kind.REDUCE, function.bool("windowInfo", false), EnumSet.of(Measure.SUM));
        }
        case "aggregate" -> {
          function.allowOnly(Set.of("type", "measures", "windowInfo"));
          yield new FunctionSpec(Kind.AGGREGATE, function.bool("windowInfo", false), measures(function));
        }
        case "process" -> {
          function.allowOnly(Set.of("type", "measures", "windowInfo"));
          if (!function.bool("windowInfo", true)) {
            throw new ScenarioFormatException(function.path() + ".windowInfo cannot be false for a process function");
          }
          yield new FunctionSpec(Kind.PROCESS, true, measures(function));
        }
        default -> throw new ScenarioFormatException(
            function.path() + ".type must be reduce, aggregate or process, got \"" + type + "\"");
      };
    }

    private static Set<Measure> measures(JsonObject function) {
      Set<Measure> measures = EnumSet.noneOf(Measure.class);
      for (String name : function.strings("measures")) {
        measures.add(Measure.parse(name, function.path() + ".measures"));
      }
      return measures;
    }
  }

  /** What a window line reports about the window's elements. */
  enum Measure {
    COUNT("count"),
    SUM("sum"),
    MIN("min"),
    MAX("max"),
    IDS("ids");

    final String field;

    Measure(String field) {
      this.field = field;
    }

    static Measure parse(String name, String path) {
      for (Measure measure : values()) {
        if (measure.field.equals(name)) {
          return measure;
        }
      }
      throw new ScenarioFormatException(path + " may hold count, sum, min, max and ids, got \"" + name + "\"");
    }
  }

  /** Operator {@code keyedProcess}: a KeyedProcessFunction with one of the fixed behaviours. */
  record KeyedProcess(String id, Behavior behavior, long delayMs) implements OperatorSpec {

    /** The behaviours of the format; {@code delayMs} is the timer delay or the inactivity gap. */
    enum Behavior {
      TIMER_AFTER_FIRST,
      INACTIVITY_TIMER,
      TRACE
    }

    static KeyedProcess parse(String id, JsonObject operator) {
      String behavior = operator.string("behavior");
      return switch (behavior) {
        case "timerAfterFirst" -> {
          operator.allowOnly(Set.of("id", "type", "behavior", "delayMs"));
          yield new KeyedProcess(id, Behavior.TIMER_AFTER_FIRST, operator.integer("delayMs"));
        }
        case "inactivityTimer" -> {
          operator.allowOnly(Set.of("id", "type", "behavior", "gapMs"));
          yield new KeyedProcess(id, Behavior.INACTIVITY_TIMER, operator.integer("gapMs"));
        }
        case "trace" -> {
          operator.allowOnly(Set.of("id", "type", "behavior"));
          yield new KeyedProcess(id, Behavior.TRACE, 0);
        }
        default -> throw new ScenarioFormatException(operator.path()
            + ".behavior must be timerAfterFirst, inactivityTimer or trace, got \"" + behavior + "\"");
      };
    }
  }

  /** Operator {@code windowJoin}: one line per left x right pair of a key in a window. */
  record WindowJoin(String id, WindowSpec window) implements OperatorSpec {
    @Override
    public boolean readsTwoStreams() {
      return true;
    }
  }

  /** Operator {@code coGroup}: one line per key and window with events on either side. */
  record CoGroup(String id, WindowSpec window) implements OperatorSpec {
    @Override
    public boolean readsTwoStreams() {
      return true;
    }
  }

  /** Operator {@code intervalJoin}: pairs with {@code l.ts + lowerMs <= r.ts <= l.ts + upperMs}. */
  record IntervalJoin(
      String id, long lowerMs, long upperMs, boolean lowerBoundExclusive, boolean upperBoundExclusive,
      boolean lateSideOutput) implements OperatorSpec {

    static IntervalJoin parse(String id, JsonObject operator) {
      operator.allowOnly(Set.of("id", "type", "lowerMs", "upperMs", "lowerBoundExclusive", "upperBoundExclusive",
          "lateSideOutput"));
      return new IntervalJoin(id, operator.integer("lowerMs"), operator.integer("upperMs"),
          operator.bool("lowerBoundExclusive", false), operator.bool("upperBoundExclusive", false),
          operator.bool("lateSideOutput", false));
    }

    @Override
    public boolean readsTwoStreams() {
      return true;
    }
  }

  /**
   * Operator {@code cep}: {@code CEP.pattern(keyedStream, pattern).inEventTime()}, then
   * {@code process(PatternProcessFunction)}, with the timeout and late side outputs if asked.
   */
  record Cep(String id, boolean timeoutSideOutput, boolean lateSideOutput, CepSpec pattern) implements OperatorSpec {

    static Cep parse(String id, JsonObject operator) {
      operator.allowOnly(Set.of("id", "type", "timeoutSideOutput", "lateSideOutput", "pattern"));
      return new Cep(id, operator.bool("timeoutSideOutput", false), operator.bool("lateSideOutput", false),
          CepSpec.parse(operator.object("pattern")));
    }
  }
}
