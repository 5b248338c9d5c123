package io.millrace.runtime.operators;

import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;

/** A rolling {@code reduce} on a keyed stream: emits the key's new result for each input. */
public final class StreamGroupedReduce<IN, K> extends AbstractStreamOperator<ReduceFunction<IN>, IN>
    implements OneInputStreamOperator<IN, IN> {
  private static final String STATE_NAME = "_reduce_value";

  private final KeySelector<IN, K> keySelector;
  private KeyedOperatorSupport<IN, K> keyed;
  private ValueState<IN> values;

  public StreamGroupedReduce(ReduceFunction<IN> reducer, KeySelector<IN, K> keySelector) {
    super(reducer);
    this.keySelector = keySelector;
  }

  @Override
  public void open() throws Exception {
    keyed = new KeyedOperatorSupport<>(keySelector, context);
    values = keyed.backend().getOrCreateKeyedState(new ValueStateDescriptor<IN>(STATE_NAME, (Class<IN>) null));
    super.open();
  }

  @Override
  public void processElement(IN record, long timestamp) throws Exception {
    keyed.setCurrentKey(record);
    IN current = values.value();
    IN reduced;
    if (current == null) {
      reduced = record;
    } else {
      try {
        reduced = userFunction.reduce(current, record);
      } catch (Throwable t) {
        throw failure(t);
      }
    }
    values.update(reduced);
    output.collect(reduced, timestamp);
  }
}
