package io.millrace.api.eventtime;

import java.io.Serializable;

/**
 * Creates a {@link WatermarkGenerator} for each source split or parallel instance.
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
  /** A new generator. */
  WatermarkGenerator<T> createWatermarkGenerator();
}
