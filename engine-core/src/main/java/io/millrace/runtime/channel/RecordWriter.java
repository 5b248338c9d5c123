package io.millrace.runtime.channel;

/**
 * The producer side of one edge for one producer subtask: partitions records over the
 * channels to the consumer subtasks, filling one batch per channel and handing a batch over
 * when it is full, when flushed (buffer timeout, idle task) or before an event.
 *
 * @param <T> record type
 */
public final class RecordWriter<T> {
  private final Channel[] channels;
  private final RecordBatch[] current;
  private final StreamPartitioner<T> partitioner;
  private final boolean broadcast;
  /** One channel and a partitioner with nothing to check: skip it. */
  private final boolean single;
  private final Cancellation cancellation;
  private final int batchCapacity;

  /** A writer to {@code channels} (indexed by consumer subtask). */
  public RecordWriter(
      Channel[] channels, StreamPartitioner<T> partitioner, Cancellation cancellation, int batchCapacity) {
    this.channels = channels;
    this.current = new RecordBatch[channels.length];
    this.partitioner = partitioner;
    this.broadcast = partitioner.isBroadcast();
    this.single = channels.length == 1 && !partitioner.inspectsRecords();
    this.cancellation = cancellation;
    this.batchCapacity = batchCapacity;
  }

  /** Emits {@code record} to the channel the partitioner picks (or to all for broadcast). */
  public void emit(T record, long timestamp) {
    if (broadcast) {
      for (int i = 0; i < channels.length; i++) {
        append(i, record, timestamp);
      }
    } else {
      append(single ? 0 : partitioner.selectChannel(record, channels.length), record, timestamp);
    }
  }

  private void append(int channelIndex, Object record, long timestamp) {
    RecordBatch batch = current[channelIndex];
    if (batch == null) {
      batch = channels[channelIndex].newBatch();
      current[channelIndex] = batch;
    }
    int size = batch.size;
    batch.records[size] = record;
    batch.timestamps[size] = timestamp;
    batch.size = size + 1;
    if (size + 1 == batchCapacity) {
      current[channelIndex] = null;
      channels[channelIndex].put(batch, cancellation);
    }
  }

  /** Hands over every partly filled batch. */
  public void flush() {
    for (int i = 0; i < channels.length; i++) {
      RecordBatch batch = current[i];
      if (batch != null && batch.size > 0) {
        current[i] = null;
        channels[i].put(batch, cancellation);
      }
    }
  }

  /** Flushes, then sends {@code event} on every channel, in order after the records. */
  public void broadcastEvent(ChannelEvent event) {
    flush();
    for (Channel channel : channels) {
      channel.put(event, cancellation);
    }
  }

  /** The channels this writer feeds. */
  public Channel[] channels() {
    return channels;
  }
}
