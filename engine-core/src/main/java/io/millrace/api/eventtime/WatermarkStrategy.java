package io.millrace.api.eventtime;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a source (or {@code assignTimestampsAndWatermarks}) assigns event timestamps and generates
 * watermarks.
 *
 * <pre>{@code
 * WatermarkStrategy.<Click>forBoundedOutOfOrderness(Duration.ofSeconds(10))
 *     .withTimestampAssigner((click, previous) -> click.timestamp())
 *     .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Generators run per source split (per parallel instance for {@code SourceFunction}s and
 * {@code assignTimestampsAndWatermarks}); periodic generators emit every auto-watermark interval
 * ({@code env.getConfig().setAutoWatermarkInterval}, 200 ms by default).
 *
 * @param <T> element type
 */
public interface WatermarkStrategy<T> extends WatermarkGeneratorSupplier<T> {

  /**
   * The timestamp assigner: by default elements keep the timestamp their source gave them.
   */
  default TimestampAssigner<T> createTimestampAssigner() {
    return (element, recordTimestamp) -> recordTimestamp;
  }

  /**
   * Creates the generator with access to the job's processing clock (used by idleness). The
   * default ignores the clock.
   */
  default WatermarkGenerator<T> createWatermarkGenerator(LongSupplier processingClock) {
    return createWatermarkGenerator();
  }

  /** Whether this strategy produces watermarks at all (false only for {@link #noWatermarks()}). */
  default boolean producesWatermarks() {
    return true;
  }

  /** This strategy with {@code assigner} extracting the timestamps. */
  default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
    Objects.requireNonNull(assigner, "timestamp assigner must not be null");
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public WatermarkGenerator<T> createWatermarkGenerator() {
        return base.createWatermarkGenerator();
      }

      @Override
      public WatermarkGenerator<T> createWatermarkGenerator(LongSupplier processingClock) {
        return base.createWatermarkGenerator(processingClock);
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return assigner;
      }

      @Override
      public boolean producesWatermarks() {
        return base.producesWatermarks();
      }
    };
  }

  /**
   * This strategy, marking a split (or instance) idle when it had no event for
   * {@code idleTimeout} of processing time, so downstream watermarks need not wait for it.
   */
  default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "idle timeout must be positive, got " + idleTimeout + " for withIdleness(...)");
    }
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public WatermarkGenerator<T> createWatermarkGenerator() {
        return createWatermarkGenerator(System::currentTimeMillis);
      }

      @Override
      public WatermarkGenerator<T> createWatermarkGenerator(LongSupplier processingClock) {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(processingClock), idleTimeout, processingClock);
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return base.createTimestampAssigner();
      }
    };
  }

  /** Watermarks that allow events up to {@code maxOutOfOrderness} behind the highest timestamp. */
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    new BoundedOutOfOrdernessWatermarks<T>(maxOutOfOrderness); // validates now, not at run time
    return forGenerator(() -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness));
  }

  /** Watermarks for timestamps that never decrease: the highest timestamp minus 1 ms. */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return forGenerator(AscendingTimestampsWatermarks::new);
  }

  /** Watermarks from a custom (periodic or punctuated) generator. */
  static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
    Objects.requireNonNull(generatorSupplier, "generator supplier must not be null");
    return generatorSupplier::createWatermarkGenerator;
  }

  /** No watermarks: records keep the timestamps their source gives them. */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return new NoWatermarks<>();
  }

  /** The strategy behind {@link #noWatermarks()}. */
  final class NoWatermarks<T> implements WatermarkStrategy<T>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator() {
      return new WatermarkGenerator<>() {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
      };
    }

    @Override
    public boolean producesWatermarks() {
      return false;
    }
  }
}
