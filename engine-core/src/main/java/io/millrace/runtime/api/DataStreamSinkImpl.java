package io.millrace.runtime.api;

import io.millrace.api.DataStreamSink;
import io.millrace.runtime.graph.Transformation;
import java.util.Objects;

/** The implementation of {@link DataStreamSink}. */
final class DataStreamSinkImpl<T> implements DataStreamSink<T> {
  private final Transformation<?> transformation;

  DataStreamSinkImpl(Transformation<?> transformation) {
    this.transformation = transformation;
  }

  @Override
  public DataStreamSink<T> name(String name) {
    transformation.setName(Objects.requireNonNull(name, "name must not be null"));
    return this;
  }

  @Override
  public DataStreamSink<T> uid(String uid) {
    transformation.setUid(Objects.requireNonNull(uid, "uid must not be null"));
    return this;
  }

  @Override
  public DataStreamSink<T> setParallelism(int parallelism) {
    transformation.setParallelism(Validation.parallelism(parallelism, transformation.readableName() + ".setParallelism"));
    return this;
  }

  @Override
  public DataStreamSink<T> disableChaining() {
    transformation.disableChaining();
    return this;
  }
}
