package io.millrace.windows.join;

import io.millrace.api.CloseableIterator;
import io.millrace.api.DataStream;
import java.util.ArrayList;
import java.util.List;

/** Runs a job to its end and returns everything {@code stream} emitted. */
final class JobOutput {
  private JobOutput() {}

  static <T> List<T> collectAll(DataStream<T> stream) throws Exception {
    List<T> all = new ArrayList<>();
    try (CloseableIterator<T> it = stream.executeAndCollect()) {
      while (it.hasNext()) {
        all.add(it.next());
      }
    }
    return all;
  }
}
