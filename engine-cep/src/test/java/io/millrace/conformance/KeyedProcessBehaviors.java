package io.millrace.conformance;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;

/** The three fixed behaviours of operator {@code keyedProcess}. */
final class KeyedProcessBehaviors {
  private KeyedProcessBehaviors() {}

  /** State and timer line shared by the two timer behaviours: the pending timer and the ids. */
  abstract static class TimerBehavior extends KeyedProcessFunction<String, Event, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final String op;
    transient ValueState<Long> pending;
    private transient ListState<Long> ids;

    TimerBehavior(String op) {
      this.op = op;
    }

    @Override
    public void open(OpenContext openContext) {
      pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending", Long.class));
      ids = getRuntimeContext().getListState(new ListStateDescriptor<>("ids", Long.class));
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<OutputLine> out) throws Exception {
      onEvent(event, ctx);
      ids.add(event.id());
    }

    abstract void onEvent(Event event, Context ctx) throws Exception;

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OutputLine> out) throws Exception {
      List<Long> sorted = new ArrayList<>();
      Iterable<Long> stored = ids.get();
      if (stored != null) {
        stored.forEach(sorted::add);
      }
      sorted.sort(null);
      out.collect(OutputLine.of(OutputFile.MAIN, op)
          .put("key", ctx.getCurrentKey())
          .put("timer", timestamp)
          .put("wm", ctx.timerService().currentWatermark())
          .put("count", (long) sorted.size())
          .put("ids", List.copyOf(sorted))
          .build());
      pending.clear();
      ids.clear();
    }
  }

  /** {@code timerAfterFirst}: a timer at the first event's ts + delay; the timer emits and clears. */
  static final class TimerAfterFirst extends TimerBehavior {
    private static final long serialVersionUID = 1L;
    private final long delayMs;

    TimerAfterFirst(String op, long delayMs) {
      super(op);
      this.delayMs = delayMs;
    }

    @Override
    void onEvent(Event event, Context ctx) throws Exception {
      if (pending.value() == null) {
        long timer = event.ts() + delayMs;
        ctx.timerService().registerEventTimeTimer(timer);
        pending.update(timer);
      }
    }
  }

  /**
   * {@code inactivityTimer}: moves the timer to event ts + gap when that is later (deleting the
   * old one), else registers the pending timer again (a duplicate registration).
   */
  static final class InactivityTimer extends TimerBehavior {
    private static final long serialVersionUID = 1L;
    private final long gapMs;

    InactivityTimer(String op, long gapMs) {
      super(op);
      this.gapMs = gapMs;
    }

    @Override
    void onEvent(Event event, Context ctx) throws Exception {
      long candidate = event.ts() + gapMs;
      Long current = pending.value();
      if (current == null || candidate > current) {
        if (current != null) {
          ctx.timerService().deleteEventTimeTimer(current);
        }
        ctx.timerService().registerEventTimeTimer(candidate);
        pending.update(candidate);
      } else {
        ctx.timerService().registerEventTimeTimer(current);
      }
    }
  }

  /** {@code trace}: one line per event with the operator's watermark at that moment. */
  static final class Trace extends KeyedProcessFunction<String, Event, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final String op;

    Trace(String op) {
      this.op = op;
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<OutputLine> out) {
      out.collect(OutputLine.of(OutputFile.MAIN, op)
          .put("key", ctx.getCurrentKey())
          .put("id", event.id())
          .put("wm", ctx.timerService().currentWatermark())
          .build());
    }
  }
}
