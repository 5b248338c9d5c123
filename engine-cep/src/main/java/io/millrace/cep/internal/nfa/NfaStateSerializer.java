package io.millrace.cep.internal.nfa;

import static io.millrace.cep.internal.buffer.BufferSerializers.readDewey;
import static io.millrace.cep.internal.buffer.BufferSerializers.readEventId;
import static io.millrace.cep.internal.buffer.BufferSerializers.readNullableNodeId;
import static io.millrace.cep.internal.buffer.BufferSerializers.readVarInt;
import static io.millrace.cep.internal.buffer.BufferSerializers.writeDewey;
import static io.millrace.cep.internal.buffer.BufferSerializers.writeEventId;
import static io.millrace.cep.internal.buffer.BufferSerializers.writeNullableNodeId;
import static io.millrace.cep.internal.buffer.BufferSerializers.writeVarInt;

import io.millrace.cep.internal.buffer.DeweyNumber;
import io.millrace.cep.internal.buffer.EventId;
import io.millrace.cep.internal.buffer.NodeId;
import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.PriorityQueue;

/**
 * Writes an {@link NfaState}: both queues in their heap-array order, which reading them back
 * (adding in that order to empty queues) restores exactly.
 */
public final class NfaStateSerializer extends TypeSerializer<NfaState> {
  private static final long serialVersionUID = 1L;

  @Override
  public void serialize(NfaState state, DataOutputView out) throws IOException {
    writeQueue(state.partialMatches(), out);
    writeQueue(state.completedMatches(), out);
  }

  @Override
  public NfaState deserialize(DataInputView in) throws IOException {
    PriorityQueue<ComputationState> partial = readQueue(in);
    return new NfaState(partial, readQueue(in));
  }

  private static void writeQueue(PriorityQueue<ComputationState> queue, DataOutputView out) throws IOException {
    writeVarInt(out, queue.size());
    for (ComputationState run : queue) {
      writeVarInt(out, run.state());
      writeNullableNodeId(out, run.previousBufferEntry());
      writeDewey(out, run.version());
      out.writeLong(run.startTimestamp());
      out.writeLong(run.previousTimestamp());
      out.writeBoolean(run.startEventId() != null);
      if (run.startEventId() != null) {
        writeEventId(out, run.startEventId());
      }
    }
  }

  private static PriorityQueue<ComputationState> readQueue(DataInputView in) throws IOException {
    int size = readVarInt(in);
    PriorityQueue<ComputationState> queue = NfaState.newQueue();
    for (int i = 0; i < size; i++) {
      int state = readVarInt(in);
      NodeId previous = readNullableNodeId(in);
      DeweyNumber version = readDewey(in);
      long startTimestamp = in.readLong();
      long previousTimestamp = in.readLong();
      EventId startEvent = in.readBoolean() ? readEventId(in) : null;
      queue.add(new ComputationState(state, previous, version, startTimestamp, previousTimestamp, startEvent));
    }
    return queue;
  }

  @Override
  public NfaState copy(NfaState state) {
    PriorityQueue<ComputationState> partial = NfaState.newQueue();
    partial.addAll(state.partialMatches());
    PriorityQueue<ComputationState> completed = NfaState.newQueue();
    completed.addAll(state.completedMatches());
    return new NfaState(partial, completed);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializerSnapshot<NfaState> snapshotConfiguration() {
    return TypeSerializerSnapshot.stateless(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NfaStateSerializer;
  }

  @Override
  public int hashCode() {
    return NfaStateSerializer.class.hashCode();
  }
}
