package io.millrace.runtime.eventtime;

/** Where a source task's combined watermarks and idleness go: into its chain and channels. */
public interface WatermarkEmitter {
  /** Emits a watermark (already checked to be above the last one). */
  void emitWatermark(long watermark);

  /** Declares the task's output idle or active. */
  void emitIdle(boolean idle);
}
