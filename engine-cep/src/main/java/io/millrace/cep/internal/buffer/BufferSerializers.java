package io.millrace.cep.internal.buffer;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The serializers of the shared buffer's keys and values. Keys ({@link EventId},
 * {@link NodeId}) are written in a fixed-width, deterministic form (RocksDB compares them as
 * bytes); counts and Dewey digits as variable-length ints.
 */
public final class BufferSerializers {
  private BufferSerializers() {}

  // ------------------------------------------------------------------------------- primitives

  /** Writes a non-negative int in 7-bit groups. */
  public static void writeVarInt(DataOutputView out, int value) throws IOException {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  /** Reads an int written by {@link #writeVarInt}. */
  public static int readVarInt(DataInputView in) throws IOException {
    int value = 0;
    int shift = 0;
    while (true) {
      int b = in.readByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
      if (shift > 28) {
        throw new IOException("malformed variable-length int");
      }
    }
  }

  /** Writes a Dewey number: its length, then its digits. */
  public static void writeDewey(DataOutputView out, DeweyNumber version) throws IOException {
    writeVarInt(out, version.length());
    for (int i = 0; i < version.length(); i++) {
      writeVarInt(out, version.digit(i));
    }
  }

  /** Reads a Dewey number written by {@link #writeDewey}. */
  public static DeweyNumber readDewey(DataInputView in) throws IOException {
    int length = readVarInt(in);
    int[] digits = new int[length];
    for (int i = 0; i < length; i++) {
      digits[i] = readVarInt(in);
    }
    return new DeweyNumber(digits);
  }

  /** Writes an event id: timestamp, then number. */
  public static void writeEventId(DataOutputView out, EventId id) throws IOException {
    out.writeLong(id.timestamp());
    out.writeInt(id.id());
  }

  /** Reads an event id written by {@link #writeEventId}. */
  public static EventId readEventId(DataInputView in) throws IOException {
    long timestamp = in.readLong();
    return new EventId(in.readInt(), timestamp);
  }

  /** Writes a node id: event id, then stage. */
  public static void writeNodeId(DataOutputView out, NodeId id) throws IOException {
    writeEventId(out, id.eventId());
    out.writeInt(id.stage());
  }

  /** Reads a node id written by {@link #writeNodeId}. */
  public static NodeId readNodeId(DataInputView in) throws IOException {
    EventId eventId = readEventId(in);
    return new NodeId(eventId, in.readInt());
  }

  /** Writes a node id that may be null (one presence byte). */
  public static void writeNullableNodeId(DataOutputView out, NodeId id) throws IOException {
    out.writeBoolean(id != null);
    if (id != null) {
      writeNodeId(out, id);
    }
  }

  /** Reads a node id written by {@link #writeNullableNodeId}. */
  public static NodeId readNullableNodeId(DataInputView in) throws IOException {
    return in.readBoolean() ? readNodeId(in) : null;
  }

  // ------------------------------------------------------------------------------- serializers

  /** {@link EventId}s: the keys of the event store. */
  public static final class EventIdSerializer extends TypeSerializer<EventId> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(EventId value, DataOutputView out) throws IOException {
      writeEventId(out, value);
    }

    @Override
    public EventId deserialize(DataInputView in) throws IOException {
      return readEventId(in);
    }

    @Override
    public EventId copy(EventId value) {
      return value;
    }

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializerSnapshot<EventId> snapshotConfiguration() {
      return TypeSerializerSnapshot.stateless(this);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof EventIdSerializer;
    }

    @Override
    public int hashCode() {
      return EventIdSerializer.class.hashCode();
    }
  }

  /** {@link NodeId}s: the keys of the node store. */
  public static final class NodeIdSerializer extends TypeSerializer<NodeId> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(NodeId value, DataOutputView out) throws IOException {
      writeNodeId(out, value);
    }

    @Override
    public NodeId deserialize(DataInputView in) throws IOException {
      return readNodeId(in);
    }

    @Override
    public NodeId copy(NodeId value) {
      return value;
    }

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializerSnapshot<NodeId> snapshotConfiguration() {
      return TypeSerializerSnapshot.stateless(this);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NodeIdSerializer;
    }

    @Override
    public int hashCode() {
      return NodeIdSerializer.class.hashCode();
    }
  }

  /** {@link BufferNode}s: reference count, then the edges with theirs. */
  public static final class BufferNodeSerializer extends TypeSerializer<BufferNode> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(BufferNode node, DataOutputView out) throws IOException {
      writeVarInt(out, node.references());
      writeVarInt(out, node.edges().size());
      for (BufferEdge edge : node.edges()) {
        writeNullableNodeId(out, edge.target());
        writeDewey(out, edge.version());
        writeVarInt(out, edge.references());
      }
    }

    @Override
    public BufferNode deserialize(DataInputView in) throws IOException {
      int references = readVarInt(in);
      int count = readVarInt(in);
      List<BufferEdge> edges = new ArrayList<>(Math.max(count, 2));
      for (int i = 0; i < count; i++) {
        NodeId target = readNullableNodeId(in);
        DeweyNumber version = readDewey(in);
        edges.add(new BufferEdge(target, version, readVarInt(in)));
      }
      return new BufferNode(edges, references);
    }

    @Override
    public BufferNode copy(BufferNode node) {
      List<BufferEdge> edges = new ArrayList<>(node.edges().size());
      for (BufferEdge edge : node.edges()) {
        edges.add(new BufferEdge(edge.target(), edge.version(), edge.references()));
      }
      return new BufferNode(edges, node.references());
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public TypeSerializerSnapshot<BufferNode> snapshotConfiguration() {
      return TypeSerializerSnapshot.stateless(this);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BufferNodeSerializer;
    }

    @Override
    public int hashCode() {
      return BufferNodeSerializer.class.hashCode();
    }
  }

  /** {@link BufferBookkeeping}: the event count, then the (timestamp, count) pairs. */
  public static final class BookkeepingSerializer extends TypeSerializer<BufferBookkeeping> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(BufferBookkeeping value, DataOutputView out) throws IOException {
      writeVarInt(out, value.liveEvents());
      long[] counts = value.counts();
      writeVarInt(out, counts.length / 2);
      for (int i = 0; i < counts.length; i += 2) {
        out.writeLong(counts[i]);
        writeVarInt(out, (int) counts[i + 1]);
      }
    }

    @Override
    public BufferBookkeeping deserialize(DataInputView in) throws IOException {
      int liveEvents = readVarInt(in);
      int pairs = readVarInt(in);
      long[] counts = new long[pairs * 2];
      for (int i = 0; i < counts.length; i += 2) {
        counts[i] = in.readLong();
        counts[i + 1] = readVarInt(in);
      }
      return new BufferBookkeeping(liveEvents, counts);
    }

    @Override
    public BufferBookkeeping copy(BufferBookkeeping value) {
      return new BufferBookkeeping(value.liveEvents(), value.counts().clone());
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public TypeSerializerSnapshot<BufferBookkeeping> snapshotConfiguration() {
      return TypeSerializerSnapshot.stateless(this);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BookkeepingSerializer;
    }

    @Override
    public int hashCode() {
      return BookkeepingSerializer.class.hashCode();
    }
  }

  /**
   * {@link BufferedEvent}s: reference count, then the event through the event serializer (the
   * user's type, usually {@code TypeSerializers.generic()}).
   *
   * @param <T> the event type
   */
  public static final class BufferedEventSerializer<T> extends TypeSerializer<BufferedEvent<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> events;

    /** Events written by {@code events}. */
    public BufferedEventSerializer(TypeSerializer<T> events) {
      this.events = events;
    }

    @Override
    public void serialize(BufferedEvent<T> value, DataOutputView out) throws IOException {
      writeVarInt(out, value.references());
      events.serialize(value.event(), out);
    }

    @Override
    public BufferedEvent<T> deserialize(DataInputView in) throws IOException {
      int references = readVarInt(in);
      return new BufferedEvent<>(events.deserialize(in), references);
    }

    @Override
    public BufferedEvent<T> copy(BufferedEvent<T> value) {
      return new BufferedEvent<>(events.copy(value.event()), value.references());
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public TypeSerializerSnapshot<BufferedEvent<T>> snapshotConfiguration() {
      return new WrappingSerializerSnapshot<>(this, events);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BufferedEventSerializer<?> that && events.equals(that.events);
    }

    @Override
    public int hashCode() {
      return events.hashCode() * 31 + 7;
    }
  }
}
