package io.millrace.state.serialization;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.List;

/** An array of objects as its length and its elements; the component type is fixed. */
final class ObjectArraySerializer<E> extends CompositeSerializer<E[]> {
  private static final long serialVersionUID = 1L;

  private final Class<E> component;
  private final TypeSerializer<E> element;

  ObjectArraySerializer(Class<E> component, TypeSerializer<E> element) {
    this.component = component;
    this.element = element;
  }

  @Override
  public void serialize(E[] value, DataOutputView out) throws IOException {
    Types.writeVarInt(value.length, out);
    for (E e : value) {
      element.serialize(e, out);
    }
  }

  @Override
  public E[] deserialize(DataInputView in) throws IOException {
    E[] array = newArray(Types.readLength(in));
    for (int i = 0; i < array.length; i++) {
      array[i] = element.deserialize(in);
    }
    return array;
  }

  @Override
  public E[] copy(E[] value) {
    E[] array = newArray(value.length);
    for (int i = 0; i < array.length; i++) {
      array[i] = element.copy(value[i]);
    }
    return array;
  }

  private E[] newArray(int length) {
    return Types.cast(Array.newInstance(component, length));
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  Kind kind() {
    return Kind.ARRAY;
  }

  @Override
  Class<?> componentType() {
    return component;
  }

  @Override
  List<TypeSerializer<?>> elements() {
    return List.of(element);
  }
}
