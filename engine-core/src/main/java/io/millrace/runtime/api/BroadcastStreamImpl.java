package io.millrace.runtime.api;

import io.millrace.api.BroadcastStream;
import io.millrace.runtime.graph.PartitionTransformation;
import io.millrace.state.MapStateDescriptor;
import java.util.List;

/** The implementation of {@link BroadcastStream}: a broadcast partitioning plus its state descriptors. */
final class BroadcastStreamImpl<T> extends DataStreamImpl<T> implements BroadcastStream<T> {
  private final List<MapStateDescriptor<?, ?>> descriptors;

  BroadcastStreamImpl(
      LocalStreamEnvironment env, PartitionTransformation<T> partition, List<MapStateDescriptor<?, ?>> descriptors) {
    super(env, partition);
    this.descriptors = List.copyOf(descriptors);
  }

  @Override
  public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
    return descriptors;
  }
}
