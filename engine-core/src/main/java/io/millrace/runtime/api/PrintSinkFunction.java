package io.millrace.runtime.api;

import io.millrace.api.functions.OpenContext;
import io.millrace.api.sink.RichSinkFunction;
import java.io.PrintStream;

/** The sink of {@code print()}: one line per element, prefixed {@code "n> "} when parallel. */
final class PrintSinkFunction<T> extends RichSinkFunction<T> {
  private static final long serialVersionUID = 1L;

  private transient String prefix;
  private transient PrintStream out;

  @Override
  public void open(OpenContext openContext) {
    int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
    prefix = parallelism > 1 ? (getRuntimeContext().getIndexOfThisSubtask() + 1) + "> " : "";
    out = System.out;
  }

  @Override
  public void invoke(T value) {
    out.println(prefix + value);
  }
}
