package io.millrace.state.serialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An enum constant as its ordinal (variable-length). The snapshot records the constants by
 * name, so that constants may be added (at the end: as is; elsewhere: after migration) and
 * reordered; a removed constant fails only when state still contains it.
 *
 * <p>The restore serializer built from an old snapshot maps old ordinals to current constants
 * by name ({@code readTable}) and current ordinals back to old ones for writing.
 */
final class EnumSerializer<E extends Enum<E>> extends TypeSerializer<E> {
  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;
  /** Constant for each ordinal on the wire; {@code null} where an old constant was removed. */
  private final E[] readTable;
  /** Names on the wire, by wire ordinal (for messages). */
  private final String[] wireNames;
  /** Wire ordinal of each current constant; -1 where the wire layout lacks it. */
  private final int[] writeTable;

  EnumSerializer(Class<E> enumClass) {
    this(enumClass, names(enumClass.getEnumConstants()));
  }

  /** A serializer for data written when the enum had the constants {@code wireNames}. */
  EnumSerializer(Class<E> enumClass, String[] wireNames) {
    this.enumClass = enumClass;
    this.wireNames = wireNames.clone();
    E[] current = enumClass.getEnumConstants();
    this.readTable = Arrays.copyOf(current, wireNames.length);
    this.writeTable = new int[current.length];
    Arrays.fill(writeTable, -1);
    List<String> currentNames = Arrays.asList(names(current));
    for (int i = 0; i < wireNames.length; i++) {
      int index = currentNames.indexOf(wireNames[i]);
      readTable[i] = index < 0 ? null : current[index];
      if (index >= 0) {
        writeTable[index] = i;
      }
    }
  }

  static String[] names(Enum<?>[] constants) {
    String[] names = new String[constants.length];
    for (int i = 0; i < constants.length; i++) {
      names[i] = constants[i].name();
    }
    return names;
  }

  Class<E> enumClass() {
    return enumClass;
  }

  @Override
  public void serialize(E value, DataOutputView out) throws IOException {
    int ordinal = writeTable[value.ordinal()];
    if (ordinal < 0) {
      throw new IllegalStateException(
          "enum constant " + value + " of " + enumClass.getName() + " did not exist when this state was written");
    }
    Types.writeVarInt(ordinal, out);
  }

  @Override
  public E deserialize(DataInputView in) throws IOException {
    int ordinal = Types.readVarInt(in);
    if (ordinal < 0 || ordinal >= readTable.length) {
      throw new IOException(
          "ordinal " + ordinal + " out of range for enum " + enumClass.getName() + " " + Arrays.toString(wireNames));
    }
    E value = readTable[ordinal];
    if (value == null) {
      throw new IllegalStateException(
          "state contains constant "
              + wireNames[ordinal]
              + " of enum "
              + enumClass.getName()
              + ", which was removed from the enum; add it back, or migrate the state before removing it");
    }
    return value;
  }

  @Override
  public E copy(E value) {
    return value;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializerSnapshot<E> snapshotConfiguration() {
    return new Snapshot<>(enumClass, wireNames);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnumSerializer<?> that
        && enumClass == that.enumClass
        && Arrays.equals(wireNames, that.wireNames);
  }

  @Override
  public int hashCode() {
    return enumClass.hashCode() * 31 + Arrays.hashCode(wireNames);
  }

  @Override
  public String toString() {
    return "EnumSerializer(" + enumClass.getName() + ")";
  }

  /** Enum class name and constant names in wire order. */
  static final class Snapshot<E extends Enum<E>> implements TypeSerializerSnapshot<E> {
    private String className;
    private String[] constants;
    private ClassLoader classLoader;

    @SuppressWarnings("unused") // instantiated by readVersionedSnapshot
    private Snapshot() {}

    Snapshot(Class<E> enumClass, String[] constants) {
      this.className = enumClass.getName();
      this.constants = constants;
      this.classLoader = enumClass.getClassLoader();
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(className);
      out.writeInt(constants.length);
      for (String constant : constants) {
        out.writeUTF(constant);
      }
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader loader) throws IOException {
      className = in.readUTF();
      constants = new String[in.readInt()];
      for (int i = 0; i < constants.length; i++) {
        constants[i] = in.readUTF();
      }
      classLoader = loader;
    }

    @Override
    public TypeSerializer<E> restoreSerializer() {
      try {
        Class<E> enumClass = Types.cast(Types.load(className, classLoader));
        return new EnumSerializer<>(enumClass, constants);
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    @Override
    public SchemaCompatibility resolveSchemaCompatibility(TypeSerializer<E> newSerializer) {
      if (!(newSerializer instanceof EnumSerializer<?> enumSerializer)
          || !enumSerializer.enumClass().getName().equals(className)) {
        return SchemaCompatibility.incompatible(
            "state was written for enum " + className + " but the new serializer is " + newSerializer);
      }
      String[] current = names(enumSerializer.enumClass().getEnumConstants());
      if (current.length >= constants.length
          && Arrays.equals(constants, Arrays.copyOf(current, constants.length))) {
        return SchemaCompatibility.compatibleAsIs();
      }
      List<String> removed = new ArrayList<>(Arrays.asList(constants));
      removed.removeAll(Arrays.asList(current));
      return SchemaCompatibility.compatibleAfterMigration(
          removed.isEmpty()
              ? "constants of enum " + className + " were reordered"
              : "constants "
                  + removed
                  + " were removed from enum "
                  + className
                  + "; migrating state that contains them fails");
    }
  }
}
