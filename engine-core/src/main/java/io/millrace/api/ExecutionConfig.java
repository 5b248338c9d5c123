package io.millrace.api;

import java.time.Duration;

/**
 * Settings of how jobs execute that are not about the graph: {@code env.getConfig()}.
 *
 * <pre>{@code
 * env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(50));
 * }</pre>
 */
public final class ExecutionConfig {
  /** The default interval of periodic watermark emission. */
  public static final Duration DEFAULT_AUTO_WATERMARK_INTERVAL = Duration.ofMillis(200);

  private Duration autoWatermarkInterval = DEFAULT_AUTO_WATERMARK_INTERVAL;

  /**
   * Sets how often periodic watermark generators emit; {@code Duration.ZERO} turns periodic
   * emission off (only generators that emit on events, and sources' own watermarks, remain).
   */
  public ExecutionConfig setAutoWatermarkInterval(Duration interval) {
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException(
          "auto watermark interval must not be negative, got " + interval
              + " for setAutoWatermarkInterval(...); use Duration.ZERO to turn periodic watermarks off");
    }
    this.autoWatermarkInterval = interval;
    return this;
  }

  /** As {@link #setAutoWatermarkInterval(Duration)}, in milliseconds (Flink's form). */
  public ExecutionConfig setAutoWatermarkInterval(long millis) {
    return setAutoWatermarkInterval(Duration.ofMillis(millis));
  }

  /** How often periodic watermark generators emit; zero when off. */
  public Duration getAutoWatermarkInterval() {
    return autoWatermarkInterval;
  }
}
