package io.millrace.state.internal;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;

/**
 * The serializer of {@link VoidNamespace}: writes nothing, since there is only one value. State
 * without a namespace therefore costs no namespace bytes in a serialized key.
 */
public final class VoidNamespaceSerializer extends TypeSerializer<VoidNamespace> {
  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

  /** Public for {@link TypeSerializerSnapshot#stateless}, which restores through it. */
  public VoidNamespaceSerializer() {}

  @Override
  public void serialize(VoidNamespace value, DataOutputView out) {}

  @Override
  public VoidNamespace deserialize(DataInputView in) {
    return VoidNamespace.INSTANCE;
  }

  @Override
  public VoidNamespace copy(VoidNamespace value) {
    return value;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializerSnapshot<VoidNamespace> snapshotConfiguration() {
    return TypeSerializerSnapshot.stateless(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VoidNamespaceSerializer;
  }

  @Override
  public int hashCode() {
    return VoidNamespaceSerializer.class.hashCode();
  }
}
