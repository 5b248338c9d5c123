package io.millrace.runtime.channel;

import java.util.Arrays;

/**
 * A batch of records with their timestamps: the unit handed from one task to another, so that
 * synchronization costs once per batch rather than once per record. Batches are recycled
 * between the two ends of a {@link Channel}; none is allocated per record.
 */
public final class RecordBatch {
  final Object[] records;
  final long[] timestamps;
  int size;

  RecordBatch(int capacity) {
    this.records = new Object[capacity];
    this.timestamps = new long[capacity];
  }

  /** The number of records in the batch. */
  public int size() {
    return size;
  }

  /** The record at {@code index}. */
  public Object record(int index) {
    return records[index];
  }

  /** The timestamp of the record at {@code index}. */
  public long timestamp(int index) {
    return timestamps[index];
  }

  /** Drops the references to the records, so they can be collected while the batch waits. */
  void clear() {
    Arrays.fill(records, 0, size, null);
    size = 0;
  }
}
