package io.millrace.state.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ValueStateDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution through snapshots. Old and new versions of a class live side by side here
 * as {@code ...V1} / {@code ...V2}; the test renames V1 to V2 inside the written snapshot, as if
 * the class had been edited between the savepoint and the restore.
 */
class SerializerEvolutionTest {
  record PersonV1(String name, int age, String city) {}

  record PersonV2(String name, int age, long visits) {}

  record PersonV3(String name, String age) {}

  enum ColorV1 { RED, GREEN, PURPLE }

  enum ColorV2 { RED, GREEN, BLUE }

  /** A POJO version with fields a, b. */
  public static class BeanV1 {
    public String a;
    public int b;

    public BeanV1() {}
  }

  /** A POJO version that removed b and added c. */
  public static class BeanV2 {
    public String a;
    public Long c;

    public BeanV2() {}
  }

  static byte[] write(TypeSerializerSnapshot<?> snapshot, String from, String to) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    String bytes = new String(out.getCopyOfBuffer(), StandardCharsets.ISO_8859_1);
    return bytes.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }

  static <T> TypeSerializerSnapshot<T> read(byte[] bytes) throws IOException {
    return TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(bytes), SerializerEvolutionTest.class.getClassLoader());
  }

  static <T> byte[] data(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  @Test
  void unchangedTypesAreCompatibleAsIsAfterASnapshotRoundTrip() throws IOException {
    TypeSerializer<PersonV1> serializer = TypeSerializers.forClass(PersonV1.class);
    TypeSerializerSnapshot<PersonV1> restored = read(write(serializer.snapshotConfiguration(), "", ""));
    assertThat(restored.resolveSchemaCompatibility(serializer).isCompatibleAsIs()).isTrue();
    TypeSerializer<Map<String, List<Long>>> map =
        TypeSerializers.mapOf(TypeSerializers.forClass(String.class), TypeSerializers.listOf(TypeSerializers.forClass(Long.class)));
    TypeSerializerSnapshot<Map<String, List<Long>>> mapSnapshot = read(write(map.snapshotConfiguration(), "", ""));
    assertThat(mapSnapshot.resolveSchemaCompatibility(map).isCompatibleAsIs()).isTrue();
    assertThat(mapSnapshot.resolveSchemaCompatibility(Types.cast(TypeSerializers.forClass(String.class))).isIncompatible())
        .isTrue();
  }

  @Test
  void addedRecordFieldGetsItsDefaultAndRemovedFieldIsSkipped() throws IOException {
    byte[] old = data(TypeSerializers.forClass(PersonV1.class), new PersonV1("ann", 41, "Oslo"));
    TypeSerializerSnapshot<PersonV2> snapshot =
        read(write(TypeSerializers.forClass(PersonV1.class).snapshotConfiguration(), "PersonV1", "PersonV2"));

    SchemaCompatibility compatibility = snapshot.resolveSchemaCompatibility(TypeSerializers.forClass(PersonV2.class));
    assertThat(compatibility.isCompatibleAfterMigration()).as(compatibility.reason()).isTrue();
    PersonV2 migrated = snapshot.restoreSerializer().deserialize(new DataInputDeserializer(old));
    assertThat(migrated).isEqualTo(new PersonV2("ann", 41, 0L));
  }

  @Test
  void changedRecordFieldTypeIsIncompatibleNamingClassFieldAndTypes() throws IOException {
    TypeSerializerSnapshot<PersonV3> snapshot =
        read(write(TypeSerializers.forClass(PersonV1.class).snapshotConfiguration(), "PersonV1", "PersonV3"));

    SchemaCompatibility compatibility = snapshot.resolveSchemaCompatibility(TypeSerializers.forClass(PersonV3.class));
    assertThat(compatibility.isIncompatible()).isTrue();
    assertThat(compatibility.reason())
        .contains("field 'age'", PersonV3.class.getName(), "from int to java.lang.String");
  }

  @Test
  void pojoFieldsEvolveByName() throws IOException {
    BeanV1 v1 = new BeanV1();
    v1.a = "x";
    v1.b = 7;
    byte[] old = data(TypeSerializers.forClass(BeanV1.class), v1);
    TypeSerializerSnapshot<BeanV2> snapshot =
        read(write(TypeSerializers.forClass(BeanV1.class).snapshotConfiguration(), "BeanV1", "BeanV2"));

    assertThat(snapshot.resolveSchemaCompatibility(TypeSerializers.forClass(BeanV2.class)).isCompatibleAfterMigration())
        .isTrue();
    BeanV2 migrated = snapshot.restoreSerializer().deserialize(new DataInputDeserializer(old));
    assertThat(migrated.a).isEqualTo("x");
    assertThat(migrated.c).isNull();
  }

  @Test
  void addedEnumConstantIsCompatibleButARemovedConstantInStateFails() throws IOException {
    byte[] green = data(TypeSerializers.forClass(ColorV1.class), ColorV1.GREEN);
    byte[] purple = data(TypeSerializers.forClass(ColorV1.class), ColorV1.PURPLE);
    TypeSerializerSnapshot<ColorV2> snapshot =
        read(write(TypeSerializers.forClass(ColorV1.class).snapshotConfiguration(), "ColorV1", "ColorV2"));

    SchemaCompatibility compatibility = snapshot.resolveSchemaCompatibility(TypeSerializers.forClass(ColorV2.class));
    assertThat(compatibility.isCompatibleAfterMigration()).isTrue();
    assertThat(compatibility.reason()).contains("PURPLE");
    TypeSerializer<ColorV2> restore = snapshot.restoreSerializer();
    assertThat(restore.deserialize(new DataInputDeserializer(green))).isEqualTo(ColorV2.GREEN);
    assertThatThrownBy(() -> restore.deserialize(new DataInputDeserializer(purple)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PURPLE")
        .hasMessageContaining(ColorV2.class.getName());

    TypeSerializerSnapshot<ColorV1> same = read(write(TypeSerializers.forClass(ColorV1.class).snapshotConfiguration(), "", ""));
    assertThat(same.resolveSchemaCompatibility(TypeSerializers.forClass(ColorV1.class)).isCompatibleAsIs()).isTrue();
  }

  @Test
  void unserializableTypesFailNamingTheClassAndTheFix() {
    record Holder(Thread thread) {}
    assertThatThrownBy(() -> TypeSerializers.forClass(Thread.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Thread")
        .hasMessageContaining("give the descriptor an explicit TypeSerializer, or make Thread a record / a POJO with a public no-arg constructor");
    assertThatThrownBy(() -> TypeSerializers.forClass(Runnable.class))
        .hasMessageContaining("java.lang.Runnable: it is an interface");
    assertThatThrownBy(() -> TypeSerializers.forClass(NoDefaultConstructor.class))
        .hasMessageContaining(NoDefaultConstructor.class.getName())
        .hasMessageContaining("no public no-arg constructor");
    assertThatThrownBy(() -> TypeSerializers.forClass(Holder.class))
        .hasMessageContaining("field 'thread'")
        .hasMessageContaining("make Holder a record");
    assertThatThrownBy(() -> new ValueStateDescriptor<>("t", Thread.class).getSerializer())
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Not a POJO: its only constructor takes an argument. */
  public static final class NoDefaultConstructor {
    public final int x;

    public NoDefaultConstructor(int x) {
      this.x = x;
    }
  }

  @Test
  void descriptorsUseTheExplicitSerializerOrDeriveOne() {
    TypeSerializer<Long> longs = TypeSerializers.forClass(Long.class);
    ValueStateDescriptor<Long> explicit = new ValueStateDescriptor<>("count", longs);
    assertThat(explicit.getSerializer()).isSameAs(longs);
    assertThat(explicit).isEqualTo(new ValueStateDescriptor<>("count", Long.class));
    assertThat(new ValueStateDescriptor<>("count", Long.class).getSerializer()).isEqualTo(longs);
    assertThat(new ListStateDescriptor<>("l", String.class).getSerializer())
        .isEqualTo(TypeSerializers.forClass(String.class));
    MapStateDescriptor<String, Long> map = new MapStateDescriptor<>("m", String.class, Long.class);
    assertThat(map.getKeySerializer()).isEqualTo(TypeSerializers.forClass(String.class));
    assertThat(map.getSerializer())
        .isEqualTo(TypeSerializers.mapOf(TypeSerializers.forClass(String.class), TypeSerializers.nullable(longs)));
    assertThat(new ValueStateDescriptor<Object>("g", (Class<Object>) null).getSerializer())
        .isEqualTo(TypeSerializers.generic());
  }
}
