package io.millrace.windows.internal.join;

import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.MapFunction;

/** The small functions that tag both inputs of a window join and key the tagged union. */
final class UnionFunctions {
  private UnionFunctions() {}

  /** Tags a left element. */
  static final class TagLeft<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T1 value) {
      return TaggedUnion.one(value);
    }
  }

  /** Tags a right element. */
  static final class TagRight<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T2 value) {
      return TaggedUnion.two(value);
    }
  }

  /** Keys a tagged element with its own side's key selector. */
  static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
    private static final long serialVersionUID = 1L;

    private final KeySelector<T1, KEY> leftKey;
    private final KeySelector<T2, KEY> rightKey;

    UnionKeySelector(KeySelector<T1, KEY> leftKey, KeySelector<T2, KEY> rightKey) {
      this.leftKey = leftKey;
      this.rightKey = rightKey;
    }

    @Override
    public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
      return value.isOne() ? leftKey.getKey(value.one()) : rightKey.getKey(value.two());
    }
  }
}
