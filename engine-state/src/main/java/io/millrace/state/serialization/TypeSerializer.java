package io.millrace.state.serialization;

import java.io.IOException;
import java.io.Serializable;

/**
 * Writes values of one type to bytes and reads them back; the state backends store keys and
 * values through it (the heap backend when snapshotting, the RocksDB backend on every access).
 *
 * <p>Contract: {@code deserialize} reads exactly the bytes {@code serialize} wrote, so values can
 * be concatenated in one buffer; equal values serialize to equal bytes where the type's
 * {@code equals} allows (keys are compared as bytes). Built-in serializers reject {@code null}
 * unless wrapped by {@link TypeSerializers#nullable(TypeSerializer)}. Serializers are immutable
 * and thread-safe, so one instance may be shared; the derived ones are built once per class and
 * use no reflection per value. A serializer is {@link Serializable} because it travels with its
 * {@link io.millrace.state.StateDescriptor}.
 *
 * <p>Across versions of a job, a serializer is represented by its {@link #snapshotConfiguration()
 * snapshot}, written into every checkpoint and savepoint: on restore, the snapshot decides whether
 * the new serializer reads the old bytes as they are, after a migration, or not at all.
 *
 * <pre>{@code
 * final class MoneySerializer extends TypeSerializer<Money> {
 *   public void serialize(Money m, DataOutputView out) throws IOException { out.writeLong(m.cents()); }
 *   public Money deserialize(DataInputView in) throws IOException { return new Money(in.readLong()); }
 *   public Money copy(Money m) { return m; }
 *   public boolean isImmutableType() { return true; }
 *   public TypeSerializerSnapshot<Money> snapshotConfiguration() { return TypeSerializerSnapshot.stateless(this); }
 * }
 * }</pre>
 *
 * @param <T> the type serialized
 */
public abstract class TypeSerializer<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** For subclasses. */
  protected TypeSerializer() {}

  /** Writes {@code value} to {@code out}. */
  public abstract void serialize(T value, DataOutputView out) throws IOException;

  /** Reads one value written by {@link #serialize}. */
  public abstract T deserialize(DataInputView in) throws IOException;

  /**
   * A copy of {@code value} that shares no mutable part with it (deep for mutable types; the
   * value itself for immutable ones), so that state handed to user code cannot be changed
   * behind the backend's back.
   */
  public abstract T copy(T value);

  /** Whether values never change after construction, so that {@link #copy} may return its input. */
  public abstract boolean isImmutableType();

  /**
   * A snapshot of this serializer's configuration (its schema), written with checkpoints and
   * savepoints through {@link TypeSerializerSnapshot#writeVersionedSnapshot}.
   */
  public abstract TypeSerializerSnapshot<T> snapshotConfiguration();
}
