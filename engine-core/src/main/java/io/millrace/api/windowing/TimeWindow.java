package io.millrace.api.windowing;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;

/**
 * The time window {@code [start, end)}: it holds the elements with
 * {@code start <= timestamp < end}, and fires when the watermark reaches {@code end - 1}.
 */
public final class TimeWindow extends Window {
  private final long start;
  private final long end;

  /** The window {@code [start, end)}. */
  public TimeWindow(long start, long end) {
    this.start = start;
    this.end = end;
  }

  /** The first timestamp in the window. */
  public long getStart() {
    return start;
  }

  /** The first timestamp after the window. */
  public long getEnd() {
    return end;
  }

  /** {@code end - 1}: the last timestamp in the window, when an event-time trigger fires it. */
  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /** Whether this window and {@code other} overlap or touch (sessions merge then). */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && end >= other.start;
  }

  /** The smallest window covering this one and {@code other}. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /**
   * The start of the window of size {@code windowSize} (aligned to {@code offset}) that holds
   * {@code timestamp}; correct for negative timestamps too.
   */
  public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
    long remainder = (timestamp - offset) % windowSize;
    return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TimeWindow that && start == that.start && end == that.end;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(start) * 31 + Long.hashCode(end);
  }

  @Override
  public String toString() {
    return "TimeWindow{start=" + start + ", end=" + end + "}";
  }

  /** Writes a time window as its start and end (16 bytes): how window state is keyed on disk. */
  public static final class Serializer extends TypeSerializer<TimeWindow> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final Serializer INSTANCE = new Serializer();

    /** Public for restoring from a serializer snapshot; use {@link #INSTANCE}. */
    public Serializer() {}

    @Override
    public void serialize(TimeWindow window, DataOutputView out) throws IOException {
      out.writeLong(window.start);
      out.writeLong(window.end);
    }

    @Override
    public TimeWindow deserialize(DataInputView in) throws IOException {
      return new TimeWindow(in.readLong(), in.readLong());
    }

    @Override
    public TimeWindow copy(TimeWindow window) {
      return window;
    }

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializerSnapshot<TimeWindow> snapshotConfiguration() {
      return TypeSerializerSnapshot.stateless(this);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Serializer;
    }

    @Override
    public int hashCode() {
      return Serializer.class.hashCode();
    }
  }
}
