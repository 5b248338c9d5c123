package io.millrace.runtime.channel;

/**
 * Chooses the consumer subtask of each record on an edge between two tasks. Each producer
 * subtask has its own instance (round-robin and random ones keep per-producer state).
 *
 * @param <T> record type
 */
public interface StreamPartitioner<T> {
  /** The index of the channel (consumer subtask) {@code record} goes to. */
  int selectChannel(T record, int numberOfChannels);

  /**
   * Whether the partitioner must see every record even when there is one channel (key-group
   * partitioning validates keys).
   */
  default boolean inspectsRecords() {
    return false;
  }

  /** Whether every record goes to every channel instead. */
  default boolean isBroadcast() {
    return false;
  }
}
