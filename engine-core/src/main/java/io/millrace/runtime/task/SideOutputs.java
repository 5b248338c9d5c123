package io.millrace.runtime.task;

import io.millrace.api.OutputTag;
import io.millrace.runtime.operators.Output;
import java.util.Map;

/** Routes an operator's side-output records to whoever reads each tag; drops unread ones. */
final class SideOutputs {
  static final SideOutputs NONE = new SideOutputs(Map.of());

  private final Map<OutputTag<?>, Output<Object>> byTag;

  SideOutputs(Map<OutputTag<?>, Output<Object>> byTag) {
    this.byTag = byTag;
  }

  void collect(OutputTag<?> tag, Object record, long timestamp) {
    Output<Object> target = byTag.get(tag);
    if (target != null) {
      target.collect(record, timestamp);
    }
  }

  void emitWatermark(long watermark) {
    for (Output<Object> output : byTag.values()) {
      output.emitWatermark(watermark);
    }
  }
}
