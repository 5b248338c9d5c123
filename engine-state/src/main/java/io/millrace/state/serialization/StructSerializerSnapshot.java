package io.millrace.state.serialization;

import java.io.IOException;

/**
 * Snapshot of a record or POJO serializer: class name, and per field its name, declared type and
 * serializer snapshot. Resolution against the new serializer matches fields by name: added and
 * removed fields (or a new order) need migration, a field whose serializer is incompatible makes
 * the whole type incompatible. The restore serializer reads the old layout into the current class.
 */
final class StructSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
  private String className;
  private String kindName;
  private String[] names;
  private String[] typeNames;
  private TypeSerializerSnapshot<?>[] fields;
  private ClassLoader classLoader;

  @SuppressWarnings("unused") // instantiated by readVersionedSnapshot
  private StructSerializerSnapshot() {}

  StructSerializerSnapshot(StructSerializer<T> serializer) {
    this.className = serializer.type.getName();
    this.kindName = serializer.kindName();
    this.names = serializer.names;
    this.typeNames = serializer.typeNames;
    this.fields = new TypeSerializerSnapshot<?>[serializer.fields.length];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = serializer.fields[i].snapshotConfiguration();
    }
    this.classLoader = serializer.type.getClassLoader();
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(className);
    out.writeUTF(kindName);
    out.writeInt(names.length);
    for (int i = 0; i < names.length; i++) {
      out.writeUTF(names[i]);
      out.writeUTF(typeNames[i]);
      TypeSerializerSnapshot.writeVersionedSnapshot(out, fields[i]);
    }
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader loader) throws IOException {
    className = in.readUTF();
    kindName = in.readUTF();
    int count = in.readInt();
    names = new String[count];
    typeNames = new String[count];
    fields = new TypeSerializerSnapshot<?>[count];
    for (int i = 0; i < count; i++) {
      names[i] = in.readUTF();
      typeNames[i] = in.readUTF();
      fields[i] = TypeSerializerSnapshot.readVersionedSnapshot(in, loader);
    }
    classLoader = loader;
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    Class<T> type;
    try {
      type = Types.cast(Types.load(className, classLoader));
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    if (!(TypeSerializers.forClass(type) instanceof StructSerializer<T> current)) {
      throw new IllegalStateException(
          className + " was a " + kindName + " and is now neither a record nor a POJO");
    }
    TypeSerializer<Object>[] old = Types.cast(new TypeSerializer<?>[fields.length]);
    int[] targets = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      old[i] = Types.cast(fields[i].restoreSerializer());
      targets[i] = current.indexOf(names[i]);
    }
    return new StructRestoreSerializer<>(current, old, targets, this);
  }

  @Override
  public SchemaCompatibility resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    if (!(newSerializer instanceof StructSerializer<T> current)
        || !current.type.getName().equals(className)) {
      return SchemaCompatibility.incompatible(
          "state was written for " + kindName + " " + className + " but the new serializer is " + newSerializer);
    }
    SchemaCompatibility result = SchemaCompatibility.compatibleAsIs();
    for (int i = 0; i < names.length; i++) {
      int target = current.indexOf(names[i]);
      if (target < 0) {
        result = result.and(
            SchemaCompatibility.compatibleAfterMigration(
                "field '" + names[i] + "' was removed from " + className));
        continue;
      }
      SchemaCompatibility field = Types.resolve(fields[i], current.fields[target]);
      if (field.isIncompatible()) {
        return SchemaCompatibility.incompatible(
            "field '"
                + names[i]
                + "' of "
                + kindName
                + " "
                + className
                + " changed type from "
                + typeNames[i]
                + " to "
                + current.typeNames[target]
                + " ("
                + field.reason()
                + "); give the field a new name, or restore with a serializer that migrates it");
      }
      if (target != i) {
        field = field.and(
            SchemaCompatibility.compatibleAfterMigration("fields of " + className + " were reordered"));
      }
      result = result.and(field);
    }
    if (current.names.length != names.length) {
      result = result.and(
          SchemaCompatibility.compatibleAfterMigration("fields were added to " + className));
    }
    return result;
  }
}
