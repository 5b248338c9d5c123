package io.millrace.api.eventtime;

/** Where a {@link WatermarkGenerator} emits watermarks and idleness. */
public interface WatermarkOutput {
  /** Emits {@code watermark}; one not above the last emitted is ignored. Marks the output active. */
  void emitWatermark(Watermark watermark);

  /** Declares the output idle: downstream watermarks stop waiting for it until it emits again. */
  void markIdle();

  /** Declares the output active again without emitting a watermark. */
  void markActive();
}
