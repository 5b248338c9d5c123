package io.millrace.runtime.eventtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Combines the watermarks of several outputs (a reader's splits) into one: the minimum over the
 * outputs that are not idle, forwarded only when it rises; when every output is idle, the
 * combination is idle. Confined to the source task's thread.
 */
public final class WatermarkMultiplexer {
  private static final class OutputState {
    long watermark = Long.MIN_VALUE;
    boolean idle;
  }

  private final WatermarkEmitter emitter;
  private final Map<String, OutputState> outputs = new LinkedHashMap<>();
  private long combined = Long.MIN_VALUE;
  private boolean combinedIdle;

  public WatermarkMultiplexer(WatermarkEmitter emitter) {
    this.emitter = emitter;
  }

  /** Registers output {@code id} (a new output holds the combination back until it emits). */
  public void register(String id) {
    outputs.putIfAbsent(id, new OutputState());
  }

  /** Forgets output {@code id}. */
  public void unregister(String id) {
    if (outputs.remove(id) != null) {
      update();
    }
  }

  /** Output {@code id} emitted {@code watermark}; it is active again. */
  public void onWatermark(String id, long watermark) {
    OutputState state = outputs.get(id);
    state.idle = false;
    state.watermark = Math.max(state.watermark, watermark);
    update();
  }

  /** Output {@code id} went idle or active. */
  public void onIdle(String id, boolean idle) {
    OutputState state = outputs.get(id);
    if (state.idle != idle) {
      state.idle = idle;
      update();
    }
  }

  private void update() {
    long min = Long.MAX_VALUE;
    boolean anyActive = false;
    for (OutputState state : outputs.values()) {
      if (!state.idle) {
        anyActive = true;
        min = Math.min(min, state.watermark);
      }
    }
    if (!anyActive) {
      if (!outputs.isEmpty() && !combinedIdle) {
        combinedIdle = true;
        emitter.emitIdle(true);
      }
      return;
    }
    if (combinedIdle) {
      combinedIdle = false;
      emitter.emitIdle(false);
    }
    if (min > combined && min != Long.MIN_VALUE) {
      combined = min;
      emitter.emitWatermark(min);
    }
  }
}
