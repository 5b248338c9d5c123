package io.millrace.examples.clicks;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;

/**
 * Counts the clicks of each user in keyed state and emits the running count with every click.
 *
 * <p>This is the {@code ClickCounter} of the Flink design notes, ported by changing the imports
 * and {@code open(Configuration)} to {@code open(OpenContext)}; the body is the notes' own.
 */
// [START counter]
public class ClickCounter extends KeyedProcessFunction<String, ClickEvent, ClickCount> {
  private ValueState<Long> countState;

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Long> descriptor =
        new ValueStateDescriptor<>("count", Long.class);
    countState = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(ClickEvent event, Context ctx, Collector<ClickCount> out)
      throws Exception {
    Long count = countState.value();
    if (count == null) count = 0L;
    count++;
    countState.update(count);
    out.collect(new ClickCount(event.getUserId(), count));
  }
}
// [END counter]
