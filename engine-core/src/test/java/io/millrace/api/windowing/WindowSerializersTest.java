package io.millrace.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowSerializersTest {

  @Test
  void timeWindowsRoundTripAsSixteenBytesInOrder() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    DataOutputSerializer out = new DataOutputSerializer(16);
    TimeWindow[] windows = new TimeWindow[100];
    for (int i = 0; i < windows.length; i++) {
      long start = random.nextLong();
      windows[i] = new TimeWindow(start, start + random.nextInt(1_000_000));
      TimeWindow.Serializer.INSTANCE.serialize(windows[i], out);
    }
    assertThat(out.length()).as("seed %d", seed).isEqualTo(16 * windows.length);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    for (TimeWindow window : windows) {
      assertThat(TimeWindow.Serializer.INSTANCE.deserialize(in)).as("seed %d", seed).isEqualTo(window);
    }
  }

  @Test
  void globalWindowIsWrittenAsNothing() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(1);
    GlobalWindow.Serializer.INSTANCE.serialize(GlobalWindow.get(), out);
    assertThat(out.length()).isZero();
    assertThat(GlobalWindow.Serializer.INSTANCE.deserialize(new DataInputDeserializer(new byte[0])))
        .isSameAs(GlobalWindow.get());
  }

  @Test
  void serializersRestoreFromTheirSnapshots() throws Exception {
    assertRestores(TimeWindow.Serializer.INSTANCE);
    assertRestores(GlobalWindow.Serializer.INSTANCE);
  }

  private static <T> void assertRestores(TypeSerializer<T> serializer) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    TypeSerializerSnapshot<T> snapshot = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), WindowSerializersTest.class.getClassLoader());
    assertThat(snapshot.restoreSerializer()).isEqualTo(serializer);
    assertThat(snapshot.resolveSchemaCompatibility(serializer).isCompatibleAsIs()).isTrue();
  }
}
