package io.millrace.runtime.aggregation;

/** The numeric field types aggregations add and compare, with the arithmetic that keeps the type. */
enum NumberKind {
  BYTE(Byte.class, byte.class),
  SHORT(Short.class, short.class),
  INT(Integer.class, int.class),
  LONG(Long.class, long.class),
  FLOAT(Float.class, float.class),
  DOUBLE(Double.class, double.class);

  /** The supported types, as error messages list them. */
  static final String SUPPORTED = "Integer, Long, Short, Byte, Double or Float";

  private final Class<?> boxed;
  private final Class<?> primitive;

  NumberKind(Class<?> boxed, Class<?> primitive) {
    this.boxed = boxed;
    this.primitive = primitive;
  }

  /** The kind of {@code type} (boxed or primitive), or null if it is not a supported number. */
  static NumberKind of(Class<?> type) {
    for (NumberKind kind : values()) {
      if (kind.boxed == type || kind.primitive == type) {
        return kind;
      }
    }
    return null;
  }

  /** {@code a + b} in this kind's type (byte and short wrap as Java's casts do). */
  Object add(Object a, Object b) {
    Number x = (Number) a;
    Number y = (Number) b;
    return switch (this) {
      case BYTE -> (byte) (x.byteValue() + y.byteValue());
      case SHORT -> (short) (x.shortValue() + y.shortValue());
      case INT -> x.intValue() + y.intValue();
      case LONG -> x.longValue() + y.longValue();
      case FLOAT -> x.floatValue() + y.floatValue();
      case DOUBLE -> x.doubleValue() + y.doubleValue();
    };
  }

  /** Compares two values of this kind ({@code Double.compare} semantics for floating point). */
  int compare(Object a, Object b) {
    Number x = (Number) a;
    Number y = (Number) b;
    return switch (this) {
      case BYTE, SHORT, INT, LONG -> Long.compare(x.longValue(), y.longValue());
      case FLOAT -> Float.compare(x.floatValue(), y.floatValue());
      case DOUBLE -> Double.compare(x.doubleValue(), y.doubleValue());
    };
  }

  boolean isIntegral() {
    return this == BYTE || this == SHORT || this == INT || this == LONG;
  }
}
