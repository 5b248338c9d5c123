package io.millrace.api;

import io.millrace.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream whose every element reaches every parallel instance of the operator it is connected
 * to, made by {@link DataStream#broadcast(MapStateDescriptor...)}.
 *
 * @param <T> element type
 */
public interface BroadcastStream<T> {
  /** The broadcast states the connected operator keeps. */
  List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors();
}
