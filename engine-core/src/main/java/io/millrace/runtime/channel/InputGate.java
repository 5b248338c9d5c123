package io.millrace.runtime.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * The input side of a task: all channels that feed it, each tagged with the logical input
 * (1, or 2 for two-input operators) it belongs to. The task polls the gate; the gate picks
 * channels round-robin so that no producer starves another.
 */
public final class InputGate {
  private final ThreadParker parker;
  private final List<Channel> channelList = new ArrayList<>();
  private final List<Integer> inputIndexList = new ArrayList<>();
  private Channel[] channels;
  private int[] inputIndexes;
  private boolean[] ended;
  /** Channels that delivered the barrier being aligned: not read until the alignment ends. */
  private boolean[] blocked;
  private int blockedCount;
  private int[] openChannelsPerInput;
  private int openChannels;
  private int nextChannel;

  /** A gate whose owner task parks with {@code parker}. */
  public InputGate(ThreadParker parker) {
    this.parker = parker;
  }

  /** Adds a channel feeding logical input {@code inputIndex}; only while building the job. */
  public Channel addChannel(int inputIndex, int capacity, int batchCapacity) {
    Channel channel = new Channel(this, channelList.size(), capacity, batchCapacity);
    channelList.add(channel);
    inputIndexList.add(inputIndex);
    return channel;
  }

  /** Freezes the channel list; call once before the task starts. */
  public void seal() {
    channels = channelList.toArray(new Channel[0]);
    inputIndexes = inputIndexList.stream().mapToInt(Integer::intValue).toArray();
    ended = new boolean[channels.length];
    blocked = new boolean[channels.length];
    openChannelsPerInput = new int[3];
    for (int index : inputIndexes) {
      openChannelsPerInput[index]++;
    }
    openChannels = channels.length;
  }

  /** All channels, in gate order. */
  public Channel[] channels() {
    return channels;
  }

  /** The logical input (1 or 2) channel {@code channelIndex} feeds. */
  public int inputIndexOf(int channelIndex) {
    return inputIndexes[channelIndex];
  }

  /** The number of channels that have not delivered their end of input. */
  public int openChannels() {
    return openChannels;
  }

  /** The number of channels of logical input {@code inputIndex} that have not ended. */
  public int openChannels(int inputIndex) {
    return openChannelsPerInput[inputIndex];
  }

  /** Called by a producer after publishing to one of this gate's channels. */
  void notifyDataAvailable() {
    parker.wake();
  }

  /**
   * The next channel with a waiting element, round-robin, or null if none has one. Consumer
   * thread only.
   */
  public Channel nextAvailable() {
    Channel[] all = channels;
    int n = all.length;
    for (int i = 0; i < n; i++) {
      int index = nextChannel + i;
      if (index >= n) {
        index -= n;
      }
      if (!blocked[index] && all[index].isAvailable()) {
        nextChannel = index + 1 == n ? 0 : index + 1;
        return all[index];
      }
    }
    return null;
  }

  /** Whether any channel that is not blocked has a waiting element. */
  public boolean anyAvailable() {
    Channel[] all = channels;
    for (int i = 0; i < all.length; i++) {
      if (!blocked[i] && all[i].isAvailable()) {
        return true;
      }
    }
    return false;
  }

  /** Stops reading {@code channel} until {@link #unblockAll()} (it delivered the barrier being aligned). */
  public void block(Channel channel) {
    if (!blocked[channel.indexInGate()]) {
      blocked[channel.indexInGate()] = true;
      blockedCount++;
    }
  }

  /** Whether {@code channel} is blocked. */
  public boolean isBlocked(Channel channel) {
    return blocked[channel.indexInGate()];
  }

  /** The number of blocked channels. */
  public int blockedChannels() {
    return blockedCount;
  }

  /** Reads every channel again (the alignment ended). */
  public void unblockAll() {
    java.util.Arrays.fill(blocked, false);
    blockedCount = 0;
  }

  /** Whether {@code channel} delivered its end of input. */
  public boolean hasEnded(Channel channel) {
    return ended[channel.indexInGate()];
  }

  /** Takes the next element of {@code channel}. */
  public Object poll(Channel channel) {
    return channel.poll();
  }

  /** Returns a processed batch to its channel's producer. */
  public void recycle(Channel channel, RecordBatch batch) {
    channel.recycle(batch);
  }

  /** Records that {@code channel} delivered its end of input; returns whether its logical input has ended. */
  public boolean markEnded(Channel channel) {
    int index = channel.indexInGate();
    if (ended[index]) {
      throw new IllegalStateException("channel " + index + " ended twice");
    }
    ended[index] = true;
    openChannels--;
    return --openChannelsPerInput[inputIndexes[index]] == 0;
  }

  /** Wakes producers blocked on this gate's channels (cancellation). */
  public void wakeProducers() {
    for (Channel channel : channelList) {
      channel.wakeProducer();
    }
  }

  /** The number of elements waiting over all channels: the records-in-flight gauge. */
  public int queuedElements() {
    int total = 0;
    for (Channel channel : channelList) {
      total += channel.queued();
    }
    return total;
  }
}
