package io.millrace.runtime.aggregation;

import io.millrace.api.functions.ReduceFunction;

/**
 * The reduce functions of the field aggregations, with Apache Flink's semantics:
 * <ul>
 *   <li>{@code sum}, {@code min}, {@code max} keep every other field of the <em>first</em>
 *       element and return a new element with the aggregated field replaced (records through
 *       their canonical constructor; POJOs through their no-arg constructor and a copy of their
 *       fields; arrays and lists as copies); {@code min}/{@code max} return the first argument
 *       itself when its field is already the extreme;</li>
 *   <li>{@code minBy}, {@code maxBy} return the element holding the extreme itself, the earlier
 *       one on ties.</li>
 * </ul>
 *
 * <p>A field is named (a record component, a public field, or a getter {@code getX()} /
 * {@code isX()}, written through a setter or the field of that name) or given by position
 * (array index, list index, record component index; position 0 of a number is the number
 * itself). Sums take {@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code Double},
 * {@code Float} (or their primitives) and keep the field's type; {@code min}/{@code max}/
 * {@code minBy}/{@code maxBy} also compare any {@code Comparable}.
 *
 * <p>With {@code typeOrNull} given, the field is checked when the job is built and a missing or
 * non-numeric field fails there, naming the type and the field. Without it (lambdas erase
 * types) the field is resolved on the first element, once per element class. The functions are
 * stateless apart from that cache and may be shared by parallel subtasks.
 */
public final class FieldAggregations {
  private FieldAggregations() {}

  /** Sums the field named {@code field}; other fields from the first element. */
  public static <T> ReduceFunction<T> sum(Class<T> typeOrNull, String field) {
    return create(Aggregation.SUM, typeOrNull, FieldRef.named(Aggregation.SUM, field));
  }

  /** Sums the field at {@code position}; other fields from the first element. */
  public static <T> ReduceFunction<T> sum(Class<T> typeOrNull, int position) {
    return create(Aggregation.SUM, typeOrNull, FieldRef.at(Aggregation.SUM, position));
  }

  /** The minimum of the field named {@code field}; other fields from the first element. */
  public static <T> ReduceFunction<T> min(Class<T> typeOrNull, String field) {
    return create(Aggregation.MIN, typeOrNull, FieldRef.named(Aggregation.MIN, field));
  }

  /** The minimum of the field at {@code position}; other fields from the first element. */
  public static <T> ReduceFunction<T> min(Class<T> typeOrNull, int position) {
    return create(Aggregation.MIN, typeOrNull, FieldRef.at(Aggregation.MIN, position));
  }

  /** The maximum of the field named {@code field}; other fields from the first element. */
  public static <T> ReduceFunction<T> max(Class<T> typeOrNull, String field) {
    return create(Aggregation.MAX, typeOrNull, FieldRef.named(Aggregation.MAX, field));
  }

  /** The maximum of the field at {@code position}; other fields from the first element. */
  public static <T> ReduceFunction<T> max(Class<T> typeOrNull, int position) {
    return create(Aggregation.MAX, typeOrNull, FieldRef.at(Aggregation.MAX, position));
  }

  /** The element with the minimum of the field named {@code field} (the earlier one on ties). */
  public static <T> ReduceFunction<T> minBy(Class<T> typeOrNull, String field) {
    return create(Aggregation.MIN_BY, typeOrNull, FieldRef.named(Aggregation.MIN_BY, field));
  }

  /** The element with the minimum of the field at {@code position} (the earlier one on ties). */
  public static <T> ReduceFunction<T> minBy(Class<T> typeOrNull, int position) {
    return create(Aggregation.MIN_BY, typeOrNull, FieldRef.at(Aggregation.MIN_BY, position));
  }

  /** The element with the maximum of the field named {@code field} (the earlier one on ties). */
  public static <T> ReduceFunction<T> maxBy(Class<T> typeOrNull, String field) {
    return create(Aggregation.MAX_BY, typeOrNull, FieldRef.named(Aggregation.MAX_BY, field));
  }

  /** The element with the maximum of the field at {@code position} (the earlier one on ties). */
  public static <T> ReduceFunction<T> maxBy(Class<T> typeOrNull, int position) {
    return create(Aggregation.MAX_BY, typeOrNull, FieldRef.at(Aggregation.MAX_BY, position));
  }

  private static <T> ReduceFunction<T> create(Aggregation aggregation, Class<T> typeOrNull, FieldRef field) {
    FieldReduce<T> reduce = new FieldReduce<>(aggregation, field);
    if (typeOrNull != null && typeOrNull != Object.class) {
      reduce.check(typeOrNull);
    }
    return reduce;
  }
}
