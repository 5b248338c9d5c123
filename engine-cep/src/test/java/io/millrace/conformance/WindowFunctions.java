package io.millrace.conformance;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.MapFunction;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Window;
import io.millrace.conformance.ScenarioSpec.KeyField;
import java.util.EnumSet;
import java.util.Set;

/** The window functions of operator {@code window}, one class per variant of the README. */
final class WindowFunctions {
  private WindowFunctions() {}

  /** {@code reduce}: sums {@code value}; the other fields are the first element's. */
  static final class SumValues implements ReduceFunction<Event> {
    private static final long serialVersionUID = 1L;

    @Override
    public Event reduce(Event first, Event second) {
      return new Event(first.id(), first.key(), first.ts(), first.value() + second.value(), first.type());
    }
  }

  /** The line of a reduce without window function: {@code op, key, sum}. */
  static final class ReduceLine implements MapFunction<Event, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final KeyField keyField;

    ReduceLine(String op, KeyField keyField) {
      this.op = op;
      this.keyField = keyField;
    }

    @Override
    public OutputLine map(Event reduced) {
      return OutputLine.of(OutputFile.MAIN, op).put("key", keyField.of(reduced)).put("sum", reduced.value()).build();
    }
  }

  /** {@code aggregate}: the measures of the window's elements. */
  static final class AggregateMeasures implements AggregateFunction<Event, Measures, Measures> {
    private static final long serialVersionUID = 1L;
    private final KeyField keyField;

    AggregateMeasures(KeyField keyField) {
      this.keyField = keyField;
    }

    @Override
    public Measures createAccumulator() {
      return Measures.EMPTY;
    }

    @Override
    public Measures add(Event value, Measures accumulator) {
      return accumulator.add(value, keyField.of(value));
    }

    @Override
    public Measures getResult(Measures accumulator) {
      return accumulator;
    }

    @Override
    public Measures merge(Measures a, Measures b) {
      return a.merge(b);
    }
  }

  /** The line of an aggregate without window function: {@code op, key, <measures>}. */
  static final class AggregateLine implements MapFunction<Measures, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final Set<OperatorSpec.Measure> measures;

    AggregateLine(String op, Set<OperatorSpec.Measure> measures) {
      this.op = op;
      this.measures = EnumSet.copyOf(measures);
    }

    @Override
    public OutputLine map(Measures result) {
      return result.putInto(OutputLine.of(OutputFile.MAIN, op).put("key", result.key()), measures).build();
    }
  }

  /** Adds {@code start}, {@code end} (time windows) and {@code wm} to a window line. */
  private static <W extends Window> OutputLine.Builder windowLine(
      String op, String key, ProcessWindowFunction<?, ?, String, W>.Context context) {
    OutputLine.Builder line = OutputLine.of(OutputFile.MAIN, op).put("key", key);
    if (context.window() instanceof TimeWindow window) {
      line.put("start", window.getStart()).put("end", window.getEnd());
    }
    return line.put("wm", context.currentWatermark());
  }

  /** {@code reduce} with {@code windowInfo}: the reduced element's sum plus start, end, wm. */
  static final class ReduceWindowInfo<W extends Window> extends ProcessWindowFunction<Event, OutputLine, String, W> {
    private static final long serialVersionUID = 1L;
    private final String op;

    ReduceWindowInfo(String op) {
      this.op = op;
    }

    @Override
    public void process(String key, Context context, Iterable<Event> elements, Collector<OutputLine> out) {
      long sum = 0;
      int count = 0;
      for (Event reduced : elements) {
        sum = reduced.value();
        count++;
      }
      if (count != 1) {
        throw new IllegalStateException(
            "the window function after reduce(...) must see exactly one element, got " + count);
      }
      out.collect(windowLine(op, key, context).put("sum", sum).build());
    }
  }

  /** {@code aggregate} with {@code windowInfo}: the aggregate's measures plus start, end, wm. */
  static final class AggregateWindowInfo<W extends Window>
      extends ProcessWindowFunction<Measures, OutputLine, String, W> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final Set<OperatorSpec.Measure> measures;

    AggregateWindowInfo(String op, Set<OperatorSpec.Measure> measures) {
      this.op = op;
      this.measures = EnumSet.copyOf(measures);
    }

    @Override
    public void process(String key, Context context, Iterable<Measures> elements, Collector<OutputLine> out) {
      int count = 0;
      Measures result = null;
      for (Measures element : elements) {
        result = element;
        count++;
      }
      if (count != 1) {
        throw new IllegalStateException(
            "the window function after aggregate(...) must see exactly one element, got " + count);
      }
      out.collect(result.putInto(windowLine(op, key, context), measures).build());
    }
  }

  /** {@code process}: the measures of the buffered elements plus start, end, wm. */
  static final class ProcessMeasures<W extends Window> extends ProcessWindowFunction<Event, OutputLine, String, W> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final KeyField keyField;
    private final Set<OperatorSpec.Measure> measures;

    ProcessMeasures(String op, KeyField keyField, Set<OperatorSpec.Measure> measures) {
      this.op = op;
      this.keyField = keyField;
      this.measures = EnumSet.copyOf(measures);
    }

    @Override
    public void process(String key, Context context, Iterable<Event> elements, Collector<OutputLine> out) {
      out.collect(Measures.of(elements, keyField).putInto(windowLine(op, key, context), measures).build());
    }
  }

  /** A late element of a window or interval join: {@code op, key, id} in the late file. */
  static final class LateLine implements MapFunction<Event, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final KeyField keyField;

    LateLine(String op, KeyField keyField) {
      this.op = op;
      this.keyField = keyField;
    }

    @Override
    public OutputLine map(Event late) {
      return OutputLine.of(OutputFile.LATE, op).put("key", keyField.of(late)).put("id", late.id()).build();
    }
  }
}
