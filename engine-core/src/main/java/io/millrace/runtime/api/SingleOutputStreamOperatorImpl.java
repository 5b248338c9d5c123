package io.millrace.runtime.api;

import io.millrace.api.DataStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.runtime.graph.SideOutputTransformation;
import io.millrace.runtime.graph.Transformation;
import java.util.Objects;

/** The implementation of {@link SingleOutputStreamOperator}. */
class SingleOutputStreamOperatorImpl<T> extends DataStreamImpl<T> implements SingleOutputStreamOperator<T> {

  SingleOutputStreamOperatorImpl(LocalStreamEnvironment env, Transformation<T> transformation) {
    super(env, transformation);
  }

  @Override
  public SingleOutputStreamOperator<T> name(String name) {
    transformation.setName(Objects.requireNonNull(name, "name must not be null"));
    return this;
  }

  @Override
  public SingleOutputStreamOperator<T> uid(String uid) {
    transformation.setUid(Objects.requireNonNull(uid, "uid must not be null"));
    return this;
  }

  @Override
  public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
    transformation.setParallelism(Validation.parallelism(parallelism, transformation.readableName() + ".setParallelism"));
    return this;
  }

  @Override
  public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
    transformation.setMaxParallelism(
        Validation.maxParallelism(maxParallelism, transformation.readableName() + ".setMaxParallelism"));
    return this;
  }

  @Override
  public SingleOutputStreamOperator<T> returns(Class<T> type) {
    transformation.setOutputType(Objects.requireNonNull(type, "type must not be null"));
    return this;
  }

  @Override
  public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
    Objects.requireNonNull(tag, "output tag must not be null");
    env.checkNotExecuted(transformation, "getSideOutput");
    return new DataStreamImpl<>(env, new SideOutputTransformation<>(env.nextId(), env.generation(), transformation, tag));
  }

  @Override
  public SingleOutputStreamOperator<T> disableChaining() {
    transformation.disableChaining();
    return this;
  }

  @Override
  public SingleOutputStreamOperator<T> startNewChain() {
    transformation.startNewChain();
    return this;
  }
}
