package io.millrace.benchmarks.workload;

/**
 * The deterministic event generator of WORKLOADS.md: event {@code i} depends only on {@code i},
 * so parallel source subtasks, the hand-written loops and other engines see identical events.
 *
 * <p>As a Millrace source: {@code new DataGeneratorSource<>(ClickGenerator::click, n, Click.class)}
 * (a static method reference is a serializable {@code GeneratorFunction<Long, Click>}).
 */
public final class ClickGenerator {
  /** Number of distinct ads. */
  public static final long ADS = 100_000;
  /** Number of distinct users. */
  public static final long USERS = 1_000_000;
  /** Event time of event 0, before the out-of-order offset. */
  public static final long BASE_TS = 1_700_000_000_000L;

  private ClickGenerator() {}

  /** The splitmix64 finaliser of {@code z + golden gamma}. */
  public static long splitmix64(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The ad of event {@code i}. */
  public static long adId(long i) {
    return adIdOf(splitmix64(i));
  }

  /** The user of event {@code i}. */
  public static long userId(long i) {
    return (splitmix64(i ^ 0x5DEECE66DL) >>> 1) % USERS;
  }

  /** Event {@code i} ({@code 0 <= i < N}). */
  public static Click click(long i) {
    long x = splitmix64(i);
    long adId = adIdOf(x);
    long userId = userId(i);
    long ts = BASE_TS + i - ((x >>> 40) % 2000);
    double amount = ((x >>> 20) % 200_000) / 100.0;
    return new Click(adId, userId, ts, amount);
  }

  private static long adIdOf(long x) {
    return (x >>> 1) % ADS;
  }
}
