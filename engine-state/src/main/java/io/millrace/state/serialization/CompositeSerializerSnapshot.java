package io.millrace.state.serialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Snapshot of a {@link CompositeSerializer}: kind, array component type, element snapshots. */
final class CompositeSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
  private CompositeSerializer.Kind kind;
  private Class<?> componentType;
  private List<TypeSerializerSnapshot<?>> elements;

  @SuppressWarnings("unused") // instantiated by readVersionedSnapshot
  private CompositeSerializerSnapshot() {}

  CompositeSerializerSnapshot(CompositeSerializer<T> serializer) {
    this.kind = serializer.kind();
    this.componentType = serializer.componentType();
    this.elements = new ArrayList<>();
    for (TypeSerializer<?> element : serializer.elements()) {
      elements.add(element.snapshotConfiguration());
    }
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(kind.name());
    out.writeUTF(componentType == null ? "" : componentType.getName());
    out.writeInt(elements.size());
    for (TypeSerializerSnapshot<?> element : elements) {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, element);
    }
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
      throws IOException {
    kind = CompositeSerializer.Kind.valueOf(in.readUTF());
    String component = in.readUTF();
    componentType = component.isEmpty() ? null : Types.load(component, classLoader);
    int count = in.readInt();
    elements = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      elements.add(TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader));
    }
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    List<TypeSerializer<Object>> restored = new ArrayList<>();
    for (TypeSerializerSnapshot<?> element : elements) {
      restored.add(Types.cast(element.restoreSerializer()));
    }
    return Types.cast(
        switch (kind) {
          case NULLABLE -> new NullableSerializer<>(restored.get(0));
          case LIST -> new ListSerializer<>(restored.get(0));
          case SET -> new SetSerializer<>(restored.get(0));
          case MAP -> new MapSerializer<>(restored.get(0), restored.get(1));
          case ARRAY -> new ObjectArraySerializer<>(Types.cast(componentType), restored.get(0));
        });
  }

  @Override
  public SchemaCompatibility resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    String was = kind.name().toLowerCase(Locale.ROOT);
    if (!(newSerializer instanceof CompositeSerializer<?> composite) || composite.kind() != kind) {
      return SchemaCompatibility.incompatible(
          "state was written by a " + was + " serializer but the new serializer is " + newSerializer);
    }
    if (kind == CompositeSerializer.Kind.ARRAY && composite.componentType() != componentType) {
      return SchemaCompatibility.incompatible(
          "array component type changed from "
              + componentType.getName()
              + " to "
              + composite.componentType().getName());
    }
    SchemaCompatibility result = SchemaCompatibility.compatibleAsIs();
    List<TypeSerializer<?>> newElements = composite.elements();
    for (int i = 0; i < elements.size(); i++) {
      SchemaCompatibility element = Types.resolve(elements.get(i), newElements.get(i));
      if (!element.isCompatibleAsIs()) {
        element =
            new SchemaCompatibility(
                element.outcome(), "element of " + was + ": " + element.reason());
      }
      result = result.and(element);
    }
    return result;
  }
}
