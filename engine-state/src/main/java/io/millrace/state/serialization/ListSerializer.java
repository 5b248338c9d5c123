package io.millrace.state.serialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A list as its size and its elements; reads into an {@link ArrayList}. */
final class ListSerializer<E> extends CompositeSerializer<List<E>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<E> element;

  ListSerializer(TypeSerializer<E> element) {
    this.element = element;
  }

  @Override
  public void serialize(List<E> value, DataOutputView out) throws IOException {
    Types.writeVarInt(value.size(), out);
    for (E e : value) {
      element.serialize(e, out);
    }
  }

  @Override
  public List<E> deserialize(DataInputView in) throws IOException {
    int size = Types.readLength(in);
    List<E> list = new ArrayList<>(Math.min(size, 1 << 16));
    for (int i = 0; i < size; i++) {
      list.add(element.deserialize(in));
    }
    return list;
  }

  @Override
  public List<E> copy(List<E> value) {
    List<E> list = new ArrayList<>(value.size());
    for (E e : value) {
      list.add(element.copy(e));
    }
    return list;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  Kind kind() {
    return Kind.LIST;
  }

  @Override
  List<TypeSerializer<?>> elements() {
    return List.of(element);
  }
}
