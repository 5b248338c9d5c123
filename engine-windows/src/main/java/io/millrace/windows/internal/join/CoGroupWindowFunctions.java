package io.millrace.windows.internal.join;

import io.millrace.api.functions.AbstractRichFunction;
import io.millrace.api.functions.CoGroupFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.FlatJoinFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.JoinFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichFunction;
import io.millrace.api.functions.RuntimeContext;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The window functions of window joins and co-groups: each window's tagged elements split into
 * the left and the right list, handed to a {@link CoGroupFunction} (a join is the co-group that
 * emits the cross product). The wrapper is rich only when the user's function is, so that plain
 * functions stay shared between subtasks as everywhere else.
 */
final class CoGroupWindowFunctions {
  private CoGroupWindowFunctions() {}

  /** The window function running {@code coGroup}; rich (forwarding lifecycle) if {@code userFunction} is. */
  static <T1, T2, T, KEY, W extends Window> WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> of(
      CoGroupFunction<T1, T2, T> coGroup, Function userFunction) {
    CoGroupWindowFunction<T1, T2, T, KEY, W> plain = new CoGroupWindowFunction<>(coGroup);
    return userFunction instanceof RichFunction rich ? new RichCoGroupWindowFunction<>(plain, rich) : plain;
  }

  /** Splits a window's elements by side and calls the co-group function once. */
  static final class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window>
      implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
    private static final long serialVersionUID = 1L;

    private final CoGroupFunction<T1, T2, T> coGroup;

    CoGroupWindowFunction(CoGroupFunction<T1, T2, T> coGroup) {
      this.coGroup = coGroup;
    }

    @Override
    public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> input, Collector<T> out) throws Exception {
      List<T1> left = new ArrayList<>();
      List<T2> right = new ArrayList<>();
      for (TaggedUnion<T1, T2> element : input) {
        if (element.isOne()) {
          left.add(element.one());
        } else {
          right.add(element.two());
        }
      }
      coGroup.coGroup(left, right, out);
    }
  }

  /** {@link CoGroupWindowFunction} that runs the user's rich function's lifecycle. */
  static final class RichCoGroupWindowFunction<T1, T2, T, KEY, W extends Window> extends AbstractRichFunction
      implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
    private static final long serialVersionUID = 1L;

    private final CoGroupWindowFunction<T1, T2, T, KEY, W> delegate;
    private final RichFunction userFunction;

    RichCoGroupWindowFunction(CoGroupWindowFunction<T1, T2, T, KEY, W> delegate, RichFunction userFunction) {
      this.delegate = delegate;
      this.userFunction = userFunction;
    }

    @Override
    public void setRuntimeContext(RuntimeContext runtimeContext) {
      super.setRuntimeContext(runtimeContext);
      userFunction.setRuntimeContext(runtimeContext);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
      userFunction.open(openContext);
    }

    @Override
    public void close() throws Exception {
      userFunction.close();
    }

    @Override
    public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> input, Collector<T> out) throws Exception {
      delegate.apply(key, window, input, out);
    }
  }

  /** A join as a co-group: one result per left x right pair, left-major. */
  static final class JoinCoGroupFunction<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
    private static final long serialVersionUID = 1L;

    private final JoinFunction<T1, T2, T> join;

    JoinCoGroupFunction(JoinFunction<T1, T2, T> join) {
      this.join = join;
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
      for (T1 left : first) {
        for (T2 right : second) {
          out.collect(join.join(left, right));
        }
      }
    }
  }

  /** A flat join as a co-group: the function's output for every left x right pair. */
  static final class FlatJoinCoGroupFunction<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
    private static final long serialVersionUID = 1L;

    private final FlatJoinFunction<T1, T2, T> join;

    FlatJoinCoGroupFunction(FlatJoinFunction<T1, T2, T> join) {
      this.join = join;
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
      for (T1 left : first) {
        for (T2 right : second) {
          join.join(left, right, out);
        }
      }
    }
  }
}
