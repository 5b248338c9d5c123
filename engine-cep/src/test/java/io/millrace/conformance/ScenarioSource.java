package io.millrace.conformance;

import io.millrace.api.source.RichParallelSourceFunction;
import io.millrace.conformance.InputLine.EventLine;
import io.millrace.conformance.InputLine.WatermarkLine;
import io.millrace.conformance.ScenarioSpec.WatermarkSpec;
import java.util.List;

/**
 * The source of one stream of a scenario: subtask {@code i} emits the lines of channel {@code i}
 * in order, and generates watermarks itself exactly as the README's "Time" rule 1 says — after
 * every event it asks the generator ({@code max ts - maxDelayMs - 1}, {@code max ts - 1} or
 * nothing), an explicit line emits its watermark, and only a watermark above the channel's last
 * forwarded one is forwarded. The engine emits {@code Long.MAX_VALUE} when the source ends.
 */
final class ScenarioSource extends RichParallelSourceFunction<Event> {
  private static final long serialVersionUID = 1L;

  /** Lines per channel; read only. Millrace runs the function in-process, without serializing it. */
  private final List<List<InputLine>> channels;
  private final WatermarkSpec watermarks;
  private volatile boolean running = true;

  ScenarioSource(List<List<InputLine>> channels, WatermarkSpec watermarks) {
    this.channels = List.copyOf(channels);
    this.watermarks = watermarks;
  }

  @Override
  public void run(SourceContext<Event> ctx) {
    int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
    if (subtasks != channels.size()) {
      throw new IllegalStateException(
          "the scenario source runs with " + subtasks + " subtasks, but the scenario has " + channels.size() + " channels");
    }
    long maxTs = Long.MIN_VALUE;
    long lastForwarded = Long.MIN_VALUE;
    for (InputLine line : channels.get(getRuntimeContext().getIndexOfThisSubtask())) {
      if (!running) {
        return;
      }
      long watermark;
      if (line instanceof EventLine eventLine) {
        Event event = eventLine.event();
        ctx.collectWithTimestamp(event, event.ts());
        maxTs = Math.max(maxTs, event.ts());
        watermark = switch (watermarks.kind()) {
          case EXPLICIT -> Long.MIN_VALUE;
          case MONOTONOUS -> maxTs - 1;
          case BOUNDED_OUT_OF_ORDERNESS -> maxTs - watermarks.maxDelayMs() - 1;
        };
      } else {
        watermark = ((WatermarkLine) line).watermark();
      }
      if (watermark > lastForwarded) {
        lastForwarded = watermark;
        ctx.emitWatermark(watermark);
      }
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
