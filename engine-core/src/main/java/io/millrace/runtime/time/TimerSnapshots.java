package io.millrace.runtime.time;

import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyGroupRangeAssignment;
import io.millrace.state.internal.snapshot.CorruptSnapshotException;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Timers in checkpoints: the timers of an operator subtask's timer services, written after
 * its keyed state so that a restore at any parallelism gives each timer to the subtask that now
 * owns its key.
 *
 * <pre>
 * file    := "MRTS" int version(1) int length content[length] int crc32c(content)
 * content := int serviceCount (utf name  int sectionLength  section)*
 * section := int count  timer*
 * timer   := bool eventTime  long timestamp  int keyLength key  int namespaceLength namespace
 * </pre>
 *
 * Keys are written with the generic serializer (their class name and fields), namespaces with
 * the service's namespace serializer.
 */
public final class TimerSnapshots {
  private static final int MAGIC = 0x4D525453;
  private static final int VERSION = 1;

  private TimerSnapshots() {}

  /** The timers of some services, captured on the task's thread, to be written on any thread. */
  public static final class Captured {
    private final List<ServiceTimers<?, ?>> services = new ArrayList<>();

    /** Writes the captured timers in the format above; does not close {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
      TypeSerializer<Object> keys = TypeSerializers.generic();
      DataOutputSerializer content = new DataOutputSerializer(256);
      DataOutputSerializer section = new DataOutputSerializer(256);
      DataOutputSerializer scratch = new DataOutputSerializer(64);
      content.writeInt(services.size());
      for (ServiceTimers<?, ?> service : services) {
        section.clear();
        service.write(section, scratch, keys);
        content.writeUTF(service.name());
        content.writeInt(section.length());
        content.write(section.getSharedBuffer(), 0, section.length());
      }
      CRC32C crc = new CRC32C();
      crc.update(content.getSharedBuffer(), 0, content.length());
      DataOutputStream data = new DataOutputStream(out);
      data.writeInt(MAGIC);
      data.writeInt(VERSION);
      data.writeInt(content.length());
      data.write(content.getSharedBuffer(), 0, content.length());
      data.writeInt((int) crc.getValue());
      data.flush();
    }

    /** The number of timers captured. */
    public int size() {
      int total = 0;
      for (ServiceTimers<?, ?> service : services) {
        total += service.eventTime.size() + service.processingTime.size();
      }
      return total;
    }
  }

  private record ServiceTimers<K, N>(
      String name, TypeSerializer<N> namespaces, List<InternalTimer<K, N>> eventTime,
      List<InternalTimer<K, N>> processingTime) {

    void write(DataOutputSerializer out, DataOutputSerializer scratch, TypeSerializer<Object> keys) throws IOException {
      out.writeInt(eventTime.size() + processingTime.size());
      writeAll(out, scratch, keys, eventTime, true);
      writeAll(out, scratch, keys, processingTime, false);
    }

    private void writeAll(
        DataOutputSerializer out, DataOutputSerializer scratch, TypeSerializer<Object> keys,
        List<InternalTimer<K, N>> timers, boolean isEventTime) throws IOException {
      for (InternalTimer<K, N> timer : timers) {
        out.writeBoolean(isEventTime);
        out.writeLong(timer.timestamp());
        scratch.clear();
        keys.serialize(timer.key(), scratch);
        out.writeInt(scratch.length());
        out.write(scratch.getSharedBuffer(), 0, scratch.length());
        scratch.clear();
        namespaces.serialize(timer.namespace(), scratch);
        out.writeInt(scratch.length());
        out.write(scratch.getSharedBuffer(), 0, scratch.length());
      }
    }
  }

  /** Captures the timers of {@code services}; call on the task's thread between two records. */
  public static Captured capture(List<InternalTimerService<?, ?>> services) {
    Captured captured = new Captured();
    for (InternalTimerService<?, ?> service : services) {
      captured.services.add(captureOne(service));
    }
    return captured;
  }

  private static <K, N> ServiceTimers<K, N> captureOne(InternalTimerService<K, N> service) {
    return new ServiceTimers<>(service.name(), service.namespaceSerializer(), service.copyTimers(true),
        service.copyTimers(false));
  }

  /**
   * Restores into {@code service} its timers from {@code files} (the timer files of every
   * subtask of the previous run) whose keys fall into its backend's key groups.
   *
   * @throws CorruptSnapshotException if a file is truncated or corrupt
   */
  public static <K, N> void restore(InternalTimerService<K, N> service, List<Path> files) throws IOException {
    KeyGroupRange range = service.backend().keyGroupRange();
    int maxParallelism = service.backend().numberOfKeyGroups();
    TypeSerializer<Object> keys = TypeSerializers.generic();
    for (Path file : files) {
      Map<String, byte[]> sections = read(file);
      byte[] section = sections.get(service.name());
      if (section == null) {
        continue;
      }
      DataInputDeserializer in = new DataInputDeserializer(section);
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        boolean eventTime = in.readBoolean();
        long timestamp = in.readLong();
        byte[] keyBytes = new byte[in.readInt()];
        in.readFully(keyBytes);
        byte[] namespaceBytes = new byte[in.readInt()];
        in.readFully(namespaceBytes);
        @SuppressWarnings("unchecked")
        K key = (K) keys.deserialize(new DataInputDeserializer(keyBytes));
        if (!range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism))) {
          continue;
        }
        N namespace = service.namespaceSerializer().deserialize(new DataInputDeserializer(namespaceBytes));
        service.restoreTimer(eventTime, new InternalTimer<>(timestamp, key, namespace));
      }
    }
  }

  /** The sections of a timer file by service name; each starts with its timer count. */
  private static Map<String, byte[]> read(Path file) throws IOException {
    byte[] content;
    try (InputStream stream = Files.newInputStream(file); DataInputStream in = new DataInputStream(stream)) {
      if (in.readInt() != MAGIC) {
        throw new CorruptSnapshotException(file.toString(), "it is not a timer snapshot (wrong magic number)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new CorruptSnapshotException(file.toString(), "unknown timer snapshot version " + version);
      }
      content = new byte[in.readInt()];
      in.readFully(content);
      CRC32C crc = new CRC32C();
      crc.update(content);
      if (in.readInt() != (int) crc.getValue()) {
        throw new CorruptSnapshotException(file.toString(), "its checksum does not match its content");
      }
    } catch (java.io.EOFException e) {
      throw new CorruptSnapshotException(file.toString(), "it is truncated");
    }
    Map<String, byte[]> sections = new HashMap<>();
    DataInputDeserializer in = new DataInputDeserializer(content);
    int services = in.readInt();
    for (int s = 0; s < services; s++) {
      String name = in.readUTF();
      byte[] section = new byte[in.readInt()];
      in.readFully(section);
      sections.put(name, section);
    }
    return sections;
  }
}
