package io.millrace.windows.join;

import io.millrace.api.source.SourceFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A source that emits a fixed script: events with their timestamps and watermarks, in order.
 * Runs with parallelism 1; its end of input sends the final {@code Long.MAX_VALUE} watermark.
 */
final class ScriptedSource implements SourceFunction<Event> {
  private static final long serialVersionUID = 1L;

  private final List<Object> steps = new ArrayList<>();
  private volatile boolean running = true;

  /** Appends an event. */
  ScriptedSource event(int id, String key, long ts) {
    steps.add(new Event(id, key, ts));
    return this;
  }

  /** Appends a watermark. */
  ScriptedSource watermark(long wm) {
    steps.add(wm);
    return this;
  }

  /**
   * A script of {@code events} slightly out of order (each moved by up to {@code disorder}
   * places), each followed by the watermark "smallest timestamp still to come - 1": no event
   * is ever behind this source's watermark.
   */
  static ScriptedSource outOfOrder(List<Event> events, int disorder, Random random) {
    List<Event> order = new ArrayList<>(events);
    order.sort((a, b) -> Long.compare(a.ts(), b.ts()));
    for (int i = 0; i < order.size(); i++) {
      int j = Math.min(order.size() - 1, i + random.nextInt(disorder + 1));
      Event swapped = order.get(i);
      order.set(i, order.get(j));
      order.set(j, swapped);
    }
    long[] minAfter = new long[order.size() + 1];
    minAfter[order.size()] = Long.MAX_VALUE;
    for (int i = order.size() - 1; i >= 0; i--) {
      minAfter[i] = Math.min(minAfter[i + 1], order.get(i).ts());
    }
    ScriptedSource source = new ScriptedSource();
    for (int i = 0; i < order.size(); i++) {
      Event e = order.get(i);
      source.event(e.id(), e.key(), e.ts());
      if (minAfter[i + 1] != Long.MAX_VALUE) {
        source.watermark(minAfter[i + 1] - 1);
      }
    }
    return source;
  }

  @Override
  public void run(SourceContext<Event> ctx) {
    for (Object step : steps) {
      if (!running) {
        return;
      }
      if (step instanceof Event e) {
        ctx.collectWithTimestamp(e, e.ts());
      } else {
        ctx.emitWatermark((Long) step);
      }
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
