package io.millrace.api;

import io.millrace.state.StateBackend;

/**
 * Deterministic, random-looking input for property tests: every field of event {@code i} is a
 * pure function of (seed, stream, i), so the engine's sources and the test's sequential
 * reference produce the same events without sharing any generator state.
 */
final class GeneratedInput {
  /** The seed of every property test, printed in every failure message. */
  static final long SEED = 0x5EED_2024_0001L;

  private GeneratedInput() {}

  /** SplitMix64's finalizer: a bijective, well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The {@code field}-th random draw for event {@code index} of input {@code stream}. */
  static long draw(long seed, int stream, int field, long index) {
    return mix(seed ^ mix(((long) stream << 40) ^ ((long) field << 56) ^ (index * 0x9E3779B97F4A7C15L)));
  }

  /** A draw in {@code [0, bound)}. */
  static int below(long seed, int stream, int field, long index, int bound) {
    return (int) Math.floorMod(draw(seed, stream, field, index), (long) bound);
  }

  /** The failure-message prefix that lets anyone rerun the exact case. */
  static String describe(long seed, int parallelism) {
    return "seed=0x" + Long.toHexString(seed) + ", parallelism=" + parallelism;
  }

  /** As {@link #describe(long, int)}, for a case run on {@code backend} with {@code events} events. */
  static String describe(long seed, int parallelism, StateBackend backend, long events) {
    return describe(seed, parallelism) + ", state backend=" + backend.name() + ", events=" + events;
  }
}
