package io.millrace.state.rocksdb.internal;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;

/** A window-like namespace, [start, end), written by its own {@link Serializer}. */
record TimeWindow(long start, long end) {

  /** Two big-endian longs, as a window operator would write its windows. */
  static final class Serializer extends TypeSerializer<TimeWindow> {
    private static final long serialVersionUID = 1L;

    static final Serializer INSTANCE = new Serializer();

    public Serializer() {}

    @Override
    public void serialize(TimeWindow window, DataOutputView out) throws IOException {
      out.writeLong(window.start());
      out.writeLong(window.end());
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
