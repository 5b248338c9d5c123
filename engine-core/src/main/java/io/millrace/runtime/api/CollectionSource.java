package io.millrace.runtime.api;

import io.millrace.api.functions.CheckpointedFunction;
import io.millrace.api.functions.FunctionInitializationContext;
import io.millrace.api.functions.FunctionSnapshotContext;
import io.millrace.api.source.SourceFunction;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import java.util.List;

/**
 * The non-parallel source behind {@code fromElements} and {@code fromCollection}. Its position
 * (how many elements it emitted) is checkpointed, so a restored job continues after the last
 * element the checkpoint covers.
 */
final class CollectionSource<T> implements SourceFunction<T>, CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  private final List<T> elements;
  private volatile boolean running = true;
  private transient ListState<Integer> emittedState;
  /** How many elements were emitted; read at checkpoints, which run on the emitting thread. */
  private transient int emitted;

  CollectionSource(List<T> elements) {
    this.elements = elements;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    emittedState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("emitted", Integer.class));
    emitted = 0;
    for (Integer restored : emittedState.get()) {
      emitted = restored;
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    emittedState.update(List.of(emitted));
  }

  @Override
  public void run(SourceContext<T> ctx) {
    while (running && emitted < elements.size()) {
      // Counted before collect: a checkpoint taken inside collect (between records) must
      // include this element, which has been handed on by then.
      T element = elements.get(emitted++);
      ctx.collect(element);
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
