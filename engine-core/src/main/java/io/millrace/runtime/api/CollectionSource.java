package io.millrace.runtime.api;

import io.millrace.api.source.SourceFunction;
import java.util.List;

/** The non-parallel source behind {@code fromElements} and {@code fromCollection}. */
final class CollectionSource<T> implements SourceFunction<T> {
  private static final long serialVersionUID = 1L;

  private final List<T> elements;
  private volatile boolean running = true;

  CollectionSource(List<T> elements) {
    this.elements = elements;
  }

  @Override
  public void run(SourceContext<T> ctx) {
    for (T element : elements) {
      if (!running) {
        return;
      }
      ctx.collect(element);
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
