package io.millrace.state.serialization;

import java.util.Map;

/** The value a field of a given type has before anything is assigned: null, 0, false. */
final class Defaults {
  private static final Map<Class<?>, Object> PRIMITIVE_DEFAULTS =
      Map.of(
          int.class, 0, long.class, 0L, short.class, (short) 0, byte.class, (byte) 0,
          double.class, 0.0d, float.class, 0.0f, boolean.class, false, char.class, '\0');

  private Defaults() {}

  static Object of(Class<?> type) {
    return type.isPrimitive() ? PRIMITIVE_DEFAULTS.get(type) : null;
  }
}
