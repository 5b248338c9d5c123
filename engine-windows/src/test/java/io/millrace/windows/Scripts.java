package io.millrace.windows;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.source.SourceFunction;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Shared test vocabulary: keyed words with timestamps, and a window function that lists them. */
final class Scripts {
  private Scripts() {}

  /** An element: key and a value; its timestamp travels beside it. */
  record Ev(String key, int value) {
    @Override
    public String toString() {
      return key + value;
    }
  }

  static Ev ev(String key, int value) {
    return new Ev(key, value);
  }

  /** A stream definition to hand to the harness; never executed. */
  static StreamExecutionEnvironment unusedEnvironment() {
    return StreamExecutionEnvironment.createLocalEnvironment(1);
  }

  /** A source that never runs (the harness feeds the operator itself). */
  static final class NoSource implements SourceFunction<Ev> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<Ev> ctx) {}

    @Override
    public void cancel() {}
  }

  /** A source emitting a fixed script: {@code Ev} elements with timestamps and watermarks. */
  static final class Script implements SourceFunction<Ev> {
    private static final long serialVersionUID = 1L;
    private final List<Object[]> steps = new ArrayList<>();

    Script element(String key, int value, long timestamp) {
      steps.add(new Object[] {ev(key, value), timestamp});
      return this;
    }

    Script watermark(long watermark) {
      steps.add(new Object[] {watermark});
      return this;
    }

    @Override
    public void run(SourceContext<Ev> ctx) {
      for (Object[] step : steps) {
        if (step.length == 1) {
          ctx.emitWatermark((Long) step[0]);
        } else {
          ctx.collectWithTimestamp((Ev) step[0], (Long) step[1]);
        }
      }
    }

    @Override
    public void cancel() {}
  }

  /** Lists a window: {@code key[start,end) v1 v2 ... wm=W}. */
  static final class Describe<W extends Window> extends ProcessWindowFunction<Ev, String, String, W> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String key, Context context, Iterable<Ev> elements, Collector<String> out) {
      out.collect(describe(key, context.window(), elements) + " wm=" + wm(context.currentWatermark()));
    }
  }

  static String describe(String key, Window window, Iterable<Ev> elements) {
    StringJoiner values = new StringJoiner(" ");
    elements.forEach(e -> values.add(String.valueOf(e.value())));
    String bounds = window instanceof TimeWindow time ? "[" + time.getStart() + "," + time.getEnd() + ")" : "[global]";
    return key + bounds + " " + values;
  }

  static String wm(long watermark) {
    return watermark == Long.MIN_VALUE ? "MIN" : watermark == Long.MAX_VALUE ? "MAX" : String.valueOf(watermark);
  }
}
