package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.serialization.TypeSerializers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Restored state meets the job's new descriptors: a record that gained a field is migrated
 * (the field gets its default), anything that cannot be read — a field of another type,
 * another kind, TTL switched, another key or namespace type — fails naming the state and the
 * reason. Old and new versions of a class live side by side as {@code PersonV1} /
 * {@code PersonV2}; the test renames the class inside the snapshot's metadata (fixing its
 * checksum), as if the class had been edited between the snapshot and the restore.
 */
class KeyedSnapshotEvolutionTest extends KeyedStateBackendTestBase {

  record PersonV1(String name, int age) {}

  record PersonV2(String name, int age, long visits) {}

  record PersonV3(String name, String age) {}

  /** A snapshot of value, list and map state of {@code PersonV1} for keys 0..19. */
  private byte[] peopleV1(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = open(kind);
    ValueState<PersonV1> person = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("person", PersonV1.class));
    ListState<PersonV1> people = backend.getOrCreateKeyedState(new ListStateDescriptor<>("people", PersonV1.class));
    MapState<String, PersonV1> byName =
        backend.getOrCreateKeyedState(new MapStateDescriptor<>("by name", String.class, PersonV1.class));
    for (long key = 0; key < 20; key++) {
      backend.setCurrentKey(key);
      person.update(new PersonV1("p" + key, (int) key));
      people.add(new PersonV1("a" + key, 1));
      people.add(new PersonV1("b" + key, 2));
      byName.put("n" + key, new PersonV1("m" + key, 3));
    }
    return SnapshotFixture.write(backend.snapshot());
  }

  /**
   * {@code snapshot} with {@code from} replaced by {@code to} (of the same length) in its
   * metadata section, whose checksum is recomputed.
   */
  static byte[] renameInMetadata(byte[] snapshot, String from, String to) {
    byte[] renamed = snapshot.clone();
    int length = ((renamed[8] & 0xFF) << 24) | ((renamed[9] & 0xFF) << 16) | ((renamed[10] & 0xFF) << 8) | (renamed[11] & 0xFF);
    String content = new String(renamed, 12, length, StandardCharsets.ISO_8859_1);
    assertThat(content).contains(from);
    byte[] replaced = content.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(replaced, 0, renamed, 12, length);
    CRC32C crc = new CRC32C();
    crc.update(renamed, 12, length);
    int value = (int) crc.getValue();
    renamed[12 + length] = (byte) (value >>> 24);
    renamed[13 + length] = (byte) (value >>> 16);
    renamed[14 + length] = (byte) (value >>> 8);
    renamed[15 + length] = (byte) value;
    return renamed;
  }

  private KeyedStateBackend<Long> restored(Backend kind, byte[] snapshot) throws Exception {
    KeyedStateBackend<Long> backend = open(kind);
    backend.restore(SnapshotFixture.inputs(List.of(snapshot)));
    return backend;
  }

  @OnEveryBackend
  void aRecordThatGainedAFieldIsMigratedAndTheFieldGetsItsDefault(Backend kind) throws Exception {
    byte[] snapshot = renameInMetadata(peopleV1(kind), "PersonV1", "PersonV2");

    for (int round = 0; round < 2; round++) {
      KeyedStateBackend<Long> backend = restored(kind, snapshot);
      ValueState<PersonV2> person = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("person", PersonV2.class));
      ListState<PersonV2> people = backend.getOrCreateKeyedState(new ListStateDescriptor<>("people", PersonV2.class));
      MapState<String, PersonV2> byName =
          backend.getOrCreateKeyedState(new MapStateDescriptor<>("by name", String.class, PersonV2.class));
      for (long key = 0; key < 20; key++) {
        backend.setCurrentKey(key);
        assertThat(person.value()).isEqualTo(new PersonV2("p" + key, (int) key, 0L));
        assertThat(list(people.get()))
            .containsExactly(new PersonV2("a" + key, 1, 0L), new PersonV2("b" + key, 2, 0L));
        assertThat(byName.get("n" + key)).isEqualTo(new PersonV2("m" + key, 3, 0L));
      }
      backend.setCurrentKey(0L);
      person.update(new PersonV2("p0", 0, 0L));
      // The migrated state snapshots in the new schema; the next round restores from that.
      snapshot = SnapshotFixture.write(backend.snapshot());
    }
  }

  @OnEveryBackend
  void aFieldOfAnotherTypeIsIncompatibleNamingTheStateAndTheField(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = restored(kind, renameInMetadata(peopleV1(kind), "PersonV1", "PersonV3"));

    assertThatThrownBy(() -> backend.getOrCreateKeyedState(new ValueStateDescriptor<>("person", PersonV3.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot restore state 'person' of test@0")
        .hasMessageContaining("field 'age'")
        .hasMessageContaining("from int to java.lang.String");
  }

  @OnEveryBackend
  void anotherKindIsRejected(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = restored(kind, peopleV1(kind));

    assertThatThrownBy(() -> backend.getOrCreateKeyedState(new ListStateDescriptor<>("person", PersonV1.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'person'")
        .hasMessageContaining("it was VALUE state and is now requested as LIST state");
  }

  @OnEveryBackend
  void switchingTtlOnIsRejected(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = restored(kind, peopleV1(kind));
    ValueStateDescriptor<PersonV1> withTtl = new ValueStateDescriptor<>("person", PersonV1.class);
    withTtl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());

    assertThatThrownBy(() -> backend.getOrCreateKeyedState(withTtl))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'person'")
        .hasMessageContaining("written without a time-to-live and is now requested with one");
  }

  @OnEveryBackend
  void anotherNamespaceTypeIsRejected(Backend kind) throws Exception {
    KeyedStateBackend<Long> backend = restored(kind, peopleV1(kind));

    assertThatThrownBy(
            () -> backend.getOrCreateKeyedState(
                TypeSerializers.forClass(Long.class), new ValueStateDescriptor<>("person", PersonV1.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'person'")
        .hasMessageContaining("namespace serializer is incompatible");
  }

  @OnEveryBackend
  void anotherKeyTypeIsRejectedAtTheFirstKey(Backend kind) throws Exception {
    KeyedStateBackend<Object> backend = open(kind);
    backend.restore(SnapshotFixture.inputs(List.of(peopleV1(kind))));
    backend.getOrCreateKeyedState(new ValueStateDescriptor<>("person", PersonV1.class));

    assertThatThrownBy(() -> backend.setCurrentKey(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyed state of test@0")
        .hasMessageContaining("key type of keyBy(...) must not change");
  }
}
