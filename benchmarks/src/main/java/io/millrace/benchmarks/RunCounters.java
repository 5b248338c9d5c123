package io.millrace.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-run totals that sink subtasks report into once, in {@code close()}. Sink functions are
 * serialized for their subtasks, so they carry only the run's id and find the shared counter
 * here.
 */
public final class RunCounters {
  private static final Map<String, LongAdder> COUNTERS = new ConcurrentHashMap<>();
  private static final Map<String, DoubleAdder> DOUBLE_TOTALS = new ConcurrentHashMap<>();

  private RunCounters() {}

  /** Adds {@code delta} to the counter {@code id} (created at 0 on first use). */
  public static void add(String id, long delta) {
    COUNTERS.computeIfAbsent(id, k -> new LongAdder()).add(delta);
  }

  /** Returns the total of counter {@code id} (0 if never added to) and forgets it. */
  public static long take(String id) {
    LongAdder adder = COUNTERS.remove(id);
    return adder == null ? 0 : adder.sum();
  }

  /** Adds {@code delta} to the floating-point total {@code id} (created at 0 on first use). */
  public static void addDouble(String id, double delta) {
    DOUBLE_TOTALS.computeIfAbsent(id, k -> new DoubleAdder()).add(delta);
  }

  /** Returns the floating-point total {@code id} (0 if never added to) and forgets it. */
  public static double takeDouble(String id) {
    DoubleAdder adder = DOUBLE_TOTALS.remove(id);
    return adder == null ? 0 : adder.sum();
  }
}
