package io.millrace.state.internal;

/**
 * Maps keys to key groups and key groups to operator subtasks.
 *
 * <p>key → {@code murmurMix(key.hashCode()) % maxParallelism} = key group; key group →
 * subtask {@code keyGroup * parallelism / maxParallelism}. So each subtask owns a contiguous
 * range of key groups, and a change of parallelism moves whole key groups — which is what makes
 * state restorable onto another parallelism. The formulas are Apache Flink's, so a key lands on
 * the same subtask index under both engines.
 */
public final class KeyGroupRangeAssignment {

  /** The default number of key groups when the user sets no max parallelism. */
  public static final int DEFAULT_MAX_PARALLELISM = 128;

  /** The largest supported max parallelism. */
  public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

  private KeyGroupRangeAssignment() {}

  /** The key group of {@code key}; {@code key} must not be null. */
  public static int assignToKeyGroup(Object key, int maxParallelism) {
    return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
  }

  /** The key group of a key whose {@code hashCode()} is {@code keyHash}. */
  public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
    return murmurHash(keyHash) % maxParallelism;
  }

  /** The index of the subtask that owns {@code keyGroup}. */
  public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
    return keyGroup * parallelism / maxParallelism;
  }

  /** The key groups owned by subtask {@code operatorIndex} of {@code parallelism}. */
  public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(
      int maxParallelism, int parallelism, int operatorIndex) {
    int start = ((operatorIndex * maxParallelism) + parallelism - 1) / parallelism;
    int end = (((operatorIndex + 1) * maxParallelism) + parallelism - 1) / parallelism - 1;
    return new KeyGroupRange(start, end);
  }

  /**
   * The default max parallelism for an operator of {@code parallelism}: 1.5× rounded up to a
   * power of two, at least 128, at most 2^15 (Flink's rule).
   */
  public static int computeDefaultMaxParallelism(int parallelism) {
    int target = parallelism + (parallelism / 2);
    int rounded = target <= 1 ? 1 : Integer.highestOneBit(target - 1) << 1;
    return Math.min(Math.max(rounded, DEFAULT_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
  }

  /**
   * Murmur3's 32-bit mix of one int and its finalizer, made non-negative: spreads poorly
   * distributed {@code hashCode()}s over the key groups.
   */
  static int murmurHash(int code) {
    int h = code * 0xcc9e2d51;
    h = Integer.rotateLeft(h, 15);
    h *= 0x1b873593;
    h = Integer.rotateLeft(h, 13);
    h = h * 5 + 0xe6546b64;
    h ^= 4;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    if (h >= 0) {
      return h;
    }
    return h == Integer.MIN_VALUE ? 0 : -h;
  }
}
