package io.millrace.runtime.channel;

import io.millrace.api.functions.KeySelector;
import io.millrace.runtime.operators.UserCodeFailure;
import io.millrace.state.internal.KeyGroupRangeAssignment;
import java.util.concurrent.ThreadLocalRandom;

/** The built-in partitioners: forward, rebalance, shuffle, broadcast, global and key groups. */
public final class Partitioners {
  private Partitioners() {}

  /** To the consumer subtask with the producer's index (one channel per producer). */
  public static <T> StreamPartitioner<T> forward() {
    return (record, channels) -> 0;
  }

  /** Round-robin, starting at a random channel so producers do not move in lockstep. */
  public static <T> StreamPartitioner<T> rebalance() {
    return new StreamPartitioner<>() {
      private int next = -1;

      @Override
      public int selectChannel(T record, int channels) {
        if (next < 0) {
          next = ThreadLocalRandom.current().nextInt(channels);
        }
        int channel = next;
        next = channel + 1 == channels ? 0 : channel + 1;
        return channel;
      }
    };
  }

  /** Uniformly random. */
  public static <T> StreamPartitioner<T> shuffle() {
    return (record, channels) -> ThreadLocalRandom.current().nextInt(channels);
  }

  /** To the first consumer subtask. */
  public static <T> StreamPartitioner<T> global() {
    return (record, channels) -> 0;
  }

  /** To every consumer subtask. */
  public static <T> StreamPartitioner<T> broadcast() {
    return new StreamPartitioner<>() {
      @Override
      public int selectChannel(T record, int channels) {
        throw new UnsupportedOperationException("broadcast sends to every channel");
      }

      @Override
      public boolean isBroadcast() {
        return true;
      }
    };
  }

  /**
   * To the consumer subtask owning the record's key group. A null key or a failing key
   * selector fails the job naming the keyBy and what to do.
   */
  public static <T, K> StreamPartitioner<T> keyGroups(
      KeySelector<T, K> keySelector, int maxParallelism, String keyByName, int producerSubtask, int producerParallelism) {
    return new StreamPartitioner<>() {
      @Override
      public int selectChannel(T record, int channels) {
        K key;
        try {
          key = keySelector.getKey(record);
        } catch (Exception e) {
          throw UserCodeFailure.of(keyByName, producerSubtask, producerParallelism, e);
        }
        if (key == null) {
          throw UserCodeFailure.of(keyByName, producerSubtask, producerParallelism,
              new NullPointerException("the KeySelector of " + keyByName + " returned null for record "
                  + record + "; keys must not be null: filter such records out before keyBy, or map "
                  + "a missing key to a non-null placeholder"));
        }
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        return KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, channels, keyGroup);
      }

      @Override
      public boolean inspectsRecords() {
        return true;
      }
    };
  }
}
