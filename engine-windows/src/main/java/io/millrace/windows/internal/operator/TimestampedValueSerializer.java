package io.millrace.windows.internal.operator;

import io.millrace.api.windowing.TimestampedValue;
import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import io.millrace.state.serialization.TypeSerializers;
import java.io.IOException;

/**
 * Writes the elements of a window with an evictor: a flag for whether the element has a
 * timestamp, the timestamp, and the value through the generic serializer (the element type is
 * not known when the window is built).
 *
 * @param <T> the element type
 */
public final class TimestampedValueSerializer<T> extends TypeSerializer<TimestampedValue<T>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> values = TypeSerializers.nullable(TypeSerializers.generic());

  /** Public for restoring from a serializer snapshot. */
  public TimestampedValueSerializer() {}

  @Override
  public void serialize(TimestampedValue<T> element, DataOutputView out) throws IOException {
    out.writeBoolean(element.hasTimestamp());
    out.writeLong(element.getTimestamp());
    values.serialize(element.getValue(), out);
  }

  @Override
  public TimestampedValue<T> deserialize(DataInputView in) throws IOException {
    boolean hasTimestamp = in.readBoolean();
    long timestamp = in.readLong();
    T value = values.deserialize(in);
    return hasTimestamp ? new TimestampedValue<>(value, timestamp) : new TimestampedValue<>(value);
  }

  @Override
  public TimestampedValue<T> copy(TimestampedValue<T> element) {
    T value = values.copy(element.getValue());
    return element.hasTimestamp()
        ? new TimestampedValue<>(value, element.getTimestamp())
        : new TimestampedValue<>(value);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializerSnapshot<TimestampedValue<T>> snapshotConfiguration() {
    return TypeSerializerSnapshot.stateless(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TimestampedValueSerializer<?>;
  }

  @Override
  public int hashCode() {
    return TimestampedValueSerializer.class.hashCode();
  }
}
