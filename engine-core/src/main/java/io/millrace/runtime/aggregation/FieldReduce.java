package io.millrace.runtime.aggregation;

import io.millrace.api.functions.ReduceFunction;
import java.util.HashMap;
import java.util.Map;

/**
 * One field aggregation as a {@link ReduceFunction}. The field's accessor is resolved once per
 * element class and cached; the last class used is checked first, so a stream of one class
 * costs one reference comparison per record before the reflective calls themselves.
 *
 * @param <T> element type
 */
final class FieldReduce<T> implements ReduceFunction<T> {
  private static final long serialVersionUID = 1L;

  private final Aggregation aggregation;
  private final FieldRef field;

  /**
   * The accessor of the last element class seen. Volatile because plain (non-rich) functions
   * are shared by parallel subtasks: a subtask reads either null or a fully built accessor.
   */
  private transient volatile Resolved last;

  /** Every class resolved so far; guarded by {@code this}. */
  private transient Map<Class<?>, FieldAccessor> resolved;

  FieldReduce(Aggregation aggregation, FieldRef field) {
    this.aggregation = aggregation;
    this.field = field;
  }

  /** Resolves the field for {@code type} now, so that a wrong field fails when the job is built. */
  void check(Class<?> type) {
    accessor(type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T reduce(T value1, T value2) {
    FieldAccessor accessor1 = accessor(value1.getClass());
    Object field1 = read(accessor1, value1);
    Object field2 = read(accessor(value2.getClass()), value2);
    return switch (aggregation) {
      case SUM -> (T) accessor1.with(value1, add(field1, field2));
      case MIN -> compare(field2, field1) < 0 ? (T) accessor1.with(value1, field2) : value1;
      case MAX -> compare(field2, field1) > 0 ? (T) accessor1.with(value1, field2) : value1;
      case MIN_BY -> compare(field1, field2) <= 0 ? value1 : value2;
      case MAX_BY -> compare(field1, field2) >= 0 ? value1 : value2;
    };
  }

  private FieldAccessor accessor(Class<?> type) {
    Resolved current = last;
    if (current != null && current.type == type) {
      return current.accessor;
    }
    return resolve(type);
  }

  private synchronized FieldAccessor resolve(Class<?> type) {
    if (resolved == null) {
      resolved = new HashMap<>();
    }
    FieldAccessor accessor = resolved.get(type);
    if (accessor == null) {
      accessor = FieldAccessor.resolve(type, field, aggregation);
      resolved.put(type, accessor);
    }
    last = new Resolved(type, accessor);
    return accessor;
  }

  private Object read(FieldAccessor accessor, Object element) {
    Object value = accessor.get(element);
    if (value == null) {
      throw new IllegalArgumentException(field.call() + ": the field is null in " + element);
    }
    return value;
  }

  private Object add(Object a, Object b) {
    NumberKind kind = NumberKind.of(a.getClass());
    if (kind == null || NumberKind.of(b.getClass()) != kind) {
      throw new IllegalArgumentException(field.call() + ": cannot add " + a.getClass().getSimpleName() + " " + a
          + " and " + b.getClass().getSimpleName() + " " + b + ": sums need numbers of one type ("
          + NumberKind.SUPPORTED + ")");
    }
    return kind.add(a, b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compare(Object a, Object b) {
    NumberKind kindA = NumberKind.of(a.getClass());
    NumberKind kindB = NumberKind.of(b.getClass());
    if (kindA != null && kindA == kindB) {
      return kindA.compare(a, b);
    }
    if (kindA != null && kindB != null) {
      return kindA.isIntegral() && kindB.isIntegral()
          ? Long.compare(((Number) a).longValue(), ((Number) b).longValue())
          : Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
      return comparable.compareTo(b);
    }
    throw new IllegalArgumentException(field.call() + ": cannot compare " + a.getClass().getSimpleName() + " " + a
        + " with " + b.getClass().getSimpleName() + " " + b + ": the field must hold numbers or Comparable values of one type");
  }

  /** A class and its accessor, published together. */
  private record Resolved(Class<?> type, FieldAccessor accessor) {}
}
