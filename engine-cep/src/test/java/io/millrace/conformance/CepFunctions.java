package io.millrace.conformance;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.Collector;
import io.millrace.cep.functions.PatternProcessFunction;
import io.millrace.cep.functions.TimedOutPartialMatchHandler;
import io.millrace.conformance.ScenarioSpec.KeyField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pattern functions of the {@code cep} operator: a line per match, and per timed-out partial match. */
final class CepFunctions {
  private CepFunctions() {}

  /** Stage name to the ids of its events, in match order. */
  static Map<String, List<Long>> ids(Map<String, List<Event>> match) {
    Map<String, List<Long>> ids = new LinkedHashMap<>();
    match.forEach((stage, events) -> {
      List<Long> stageIds = new ArrayList<>();
      for (Event event : events) {
        stageIds.add(event.id());
      }
      ids.put(stage, stageIds);
    });
    return ids;
  }

  static String keyOf(Map<String, List<Event>> match, KeyField keyField) {
    for (List<Event> events : match.values()) {
      if (!events.isEmpty()) {
        return keyField.of(events.get(0));
      }
    }
    throw new IllegalStateException("a match without events: " + match);
  }

  /** {@code process(PatternProcessFunction)}: one {@code match} line per match. */
  static class MatchLines extends PatternProcessFunction<Event, OutputLine> {
    private static final long serialVersionUID = 1L;
    final String op;
    final KeyField keyField;

    MatchLines(String op, KeyField keyField) {
      this.op = op;
      this.keyField = keyField;
    }

    @Override
    public void processMatch(Map<String, List<Event>> match, Context ctx, Collector<OutputLine> out) {
      out.collect(OutputLine.of(OutputFile.MAIN, op).put("key", keyOf(match, keyField)).put("match", ids(match)).build());
    }
  }

  /** The same, also a {@link TimedOutPartialMatchHandler}: a {@code partial} line per timeout, to a side output. */
  static final class MatchAndTimeoutLines extends MatchLines implements TimedOutPartialMatchHandler<Event> {
    private static final long serialVersionUID = 1L;
    private final OutputTag<OutputLine> timeoutTag;

    MatchAndTimeoutLines(String op, KeyField keyField, OutputTag<OutputLine> timeoutTag) {
      super(op, keyField);
      this.timeoutTag = timeoutTag;
    }

    @Override
    public void processTimedOutMatch(Map<String, List<Event>> match, Context ctx) {
      ctx.output(timeoutTag, OutputLine.of(OutputFile.TIMEOUT, op).put("key", keyOf(match, keyField)).put("partial", ids(match)).build());
    }
  }
}
