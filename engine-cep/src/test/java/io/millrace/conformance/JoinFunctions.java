package io.millrace.conformance;

import io.millrace.api.functions.CoGroupFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.JoinFunction;
import io.millrace.api.functions.ProcessJoinFunction;
import io.millrace.conformance.ScenarioSpec.KeyField;
import java.util.ArrayList;
import java.util.List;

/** The functions of the two-stream operators. */
final class JoinFunctions {
  private JoinFunctions() {}

  /** {@code windowJoin}: {@code op, key, left, right} per pair. */
  static final class PairLine implements JoinFunction<Event, Event, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final KeyField keyField;

    PairLine(String op, KeyField keyField) {
      this.op = op;
      this.keyField = keyField;
    }

    @Override
    public OutputLine join(Event left, Event right) {
      return OutputLine.of(OutputFile.MAIN, op)
          .put("key", keyField.of(left)).put("left", left.id()).put("right", right.id()).build();
    }
  }

  /** {@code coGroup}: {@code op, key, leftIds, rightIds} per key and window. */
  static final class GroupLine implements CoGroupFunction<Event, Event, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final KeyField keyField;

    GroupLine(String op, KeyField keyField) {
      this.op = op;
      this.keyField = keyField;
    }

    @Override
    public void coGroup(Iterable<Event> left, Iterable<Event> right, Collector<OutputLine> out) {
      List<String> keys = new ArrayList<>();
      List<Long> leftIds = ids(left, keys);
      List<Long> rightIds = ids(right, keys);
      if (keys.isEmpty() || keys.stream().distinct().count() != 1) {
        throw new IllegalStateException("a coGroup call must hold events of exactly one key, got keys " + keys);
      }
      out.collect(OutputLine.of(OutputFile.MAIN, op)
          .put("key", keys.get(0)).put("leftIds", leftIds).put("rightIds", rightIds).build());
    }

    private List<Long> ids(Iterable<Event> events, List<String> keys) {
      List<Long> ids = new ArrayList<>();
      for (Event event : events) {
        ids.add(event.id());
        keys.add(keyField.of(event));
      }
      ids.sort(null);
      return List.copyOf(ids);
    }
  }

  /** {@code intervalJoin}: {@code op, key, left, right} per pair. */
  static final class IntervalPairLine extends ProcessJoinFunction<Event, Event, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final KeyField keyField;

    IntervalPairLine(String op, KeyField keyField) {
      this.op = op;
      this.keyField = keyField;
    }

    @Override
    public void processElement(Event left, Event right, Context ctx, Collector<OutputLine> out) {
      out.collect(OutputLine.of(OutputFile.MAIN, op)
          .put("key", keyField.of(left)).put("left", left.id()).put("right", right.id()).build());
    }
  }
}
