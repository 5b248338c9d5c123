package io.millrace.runtime.aggregation;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one field of an element and makes a copy of the element with that field replaced.
 * Built by {@link #resolve} once per element class, with every reflective lookup done there;
 * {@link #get} and {@link #with} only invoke what was looked up.
 */
abstract class FieldAccessor {

  /** The field's declared type: a number, a {@code Comparable}, or {@code Object} when only values tell. */
  abstract Class<?> declaredType();

  /** The field's value in {@code element}. */
  abstract Object get(Object element);

  /** A copy of {@code element} whose field holds {@code value}; {@code element} is unchanged. */
  abstract Object with(Object element, Object value);

  /**
   * The accessor of {@code field} in elements of {@code type}, checked for {@code aggregation}.
   *
   * @throws IllegalArgumentException naming the call, the type and the field when the field does
   *     not exist, cannot be read or written, or has a type the aggregation cannot handle
   */
  static FieldAccessor resolve(Class<?> type, FieldRef field, Aggregation aggregation) {
    FieldAccessor accessor;
    if (type.isArray()) {
      accessor = new ArrayAccessor(type, positionOf(type, field, "an array"));
    } else if (List.class.isAssignableFrom(type)) {
      accessor = new ListAccessor(positionOf(type, field, "a list"));
    } else if (type.isRecord()) {
      accessor = RecordAccessor.of(type, field);
    } else if (NumberKind.of(type) != null || (Comparable.class.isAssignableFrom(type) && !field.isNamed())) {
      accessor = SelfAccessor.of(type, field);
    } else {
      accessor = PojoAccessor.of(type, field, aggregation);
    }
    checkFieldType(type, field, aggregation, accessor.declaredType());
    return accessor;
  }

  private static void checkFieldType(Class<?> type, FieldRef field, Aggregation aggregation, Class<?> fieldType) {
    if (fieldType == Object.class || fieldType == Number.class || NumberKind.of(fieldType) != null) {
      return;
    }
    boolean comparable = Comparable.class.isAssignableFrom(fieldType);
    if (aggregation == Aggregation.SUM || !comparable) {
      throw new IllegalArgumentException(field.call() + ": " + describe(type, field) + " is a "
          + fieldType.getSimpleName() + ", not a number (" + NumberKind.SUPPORTED + ")"
          + (aggregation == Aggregation.SUM ? "" : " or other Comparable"));
    }
  }

  private static String describe(Class<?> type, FieldRef field) {
    return field.isNamed() ? name(type) + "." + field.name() : "position " + field.position() + " of " + name(type);
  }

  /** A readable name of {@code type}: its simple name, or its full name for anonymous classes. */
  static String name(Class<?> type) {
    String simple = type.getSimpleName();
    return simple.isEmpty() ? type.getName() : simple;
  }

  private static int positionOf(Class<?> type, FieldRef field, String what) {
    if (field.isNamed()) {
      throw new IllegalArgumentException(field.call() + ": " + name(type) + " is " + what
          + ", whose fields have positions, not names: use a position, e.g. "
          + field.call().substring(0, field.call().indexOf('(')) + "(0)");
    }
    return field.position();
  }

  private static <A extends AccessibleObject> A accessible(A member, Class<?> type, FieldRef field) {
    try {
      member.setAccessible(true);
    } catch (RuntimeException e) { // InaccessibleObjectException, SecurityException
      throw new IllegalArgumentException(field.call() + ": cannot access " + member + " of " + name(type)
          + ": make the type public or open its package to io.millrace", e);
    }
    return member;
  }

  static RuntimeException rethrow(Throwable t) {
    Throwable cause = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause.toString(), cause);
  }

  // ------------------------------------------------------------------ arrays

  /** A position of an array (a copy via {@code Array.newInstance}). */
  private static final class ArrayAccessor extends FieldAccessor {
    private final Class<?> componentType;
    private final int position;

    ArrayAccessor(Class<?> arrayType, int position) {
      this.componentType = arrayType.getComponentType();
      this.position = position;
    }

    @Override
    Class<?> declaredType() {
      return componentType;
    }

    @Override
    Object get(Object element) {
      int length = Array.getLength(element);
      if (position >= length) {
        throw new IllegalArgumentException("position " + position + " is out of range for an array of length "
            + length + " (" + name(element.getClass()) + ")");
      }
      return Array.get(element, position);
    }

    @Override
    Object with(Object element, Object value) {
      int length = Array.getLength(element);
      Object copy = Array.newInstance(componentType, length);
      System.arraycopy(element, 0, copy, 0, length);
      Array.set(copy, position, value);
      return copy;
    }
  }

  // ------------------------------------------------------------------ lists

  /** A position of a list (the copy is an {@link ArrayList}). */
  private static final class ListAccessor extends FieldAccessor {
    private final int position;

    ListAccessor(int position) {
      this.position = position;
    }

    @Override
    Class<?> declaredType() {
      return Object.class;
    }

    @Override
    Object get(Object element) {
      List<?> list = (List<?>) element;
      if (position >= list.size()) {
        throw new IllegalArgumentException("position " + position + " is out of range for a list of size " + list.size());
      }
      return list.get(position);
    }

    @Override
    Object with(Object element, Object value) {
      List<Object> copy = new ArrayList<>((List<?>) element);
      copy.set(position, value);
      return copy;
    }
  }

  // ------------------------------------------------------------------ the element itself

  /** Position 0 (or field "*") of a number or other Comparable: the element itself, as Flink does for basic types. */
  private static final class SelfAccessor extends FieldAccessor {
    private final Class<?> type;

    private SelfAccessor(Class<?> type) {
      this.type = type;
    }

    static SelfAccessor of(Class<?> type, FieldRef field) {
      if (field.isNamed() ? !field.name().equals("*") : field.position() != 0) {
        throw new IllegalArgumentException(field.call() + ": " + name(type)
            + " is a single value: its only field is position 0 (or \"*\")");
      }
      return new SelfAccessor(type);
    }

    @Override
    Class<?> declaredType() {
      return type;
    }

    @Override
    Object get(Object element) {
      return element;
    }

    @Override
    Object with(Object element, Object value) {
      return value;
    }
  }

  // ------------------------------------------------------------------ records

  /** A record component (by name or index); copies through the canonical constructor. */
  private static final class RecordAccessor extends FieldAccessor {
    private final Method[] accessors;
    private final Constructor<?> canonical;
    private final int index;
    private final Class<?> declaredType;

    private RecordAccessor(Method[] accessors, Constructor<?> canonical, int index, Class<?> declaredType) {
      this.accessors = accessors;
      this.canonical = canonical;
      this.index = index;
      this.declaredType = declaredType;
    }

    static RecordAccessor of(Class<?> type, FieldRef field) {
      RecordComponent[] components = type.getRecordComponents();
      int index = -1;
      if (field.isNamed()) {
        for (int i = 0; i < components.length; i++) {
          if (components[i].getName().equals(field.name())) {
            index = i;
          }
        }
        if (index < 0) {
          throw new IllegalArgumentException(field.call() + ": " + name(type) + " has no field or getter '"
              + field.name() + "'; its fields are " + Arrays.stream(components).map(RecordComponent::getName).toList());
        }
      } else {
        index = field.position();
        if (index >= components.length) {
          throw new IllegalArgumentException(field.call() + ": " + name(type) + " has " + components.length
              + " components (positions 0 to " + (components.length - 1) + "): "
              + Arrays.stream(components).map(RecordComponent::getName).toList());
        }
      }
      Method[] accessors = new Method[components.length];
      Class<?>[] parameterTypes = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = accessible(components[i].getAccessor(), type, field);
        parameterTypes[i] = components[i].getType();
      }
      Constructor<?> canonical;
      try {
        canonical = accessible(type.getDeclaredConstructor(parameterTypes), type, field);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
      }
      return new RecordAccessor(accessors, canonical, index, components[index].getType());
    }

    @Override
    Class<?> declaredType() {
      return declaredType;
    }

    @Override
    Object get(Object element) {
      try {
        return accessors[index].invoke(element);
      } catch (ReflectiveOperationException e) {
        throw rethrow(e);
      }
    }

    @Override
    Object with(Object element, Object value) {
      try {
        Object[] arguments = new Object[accessors.length];
        for (int i = 0; i < arguments.length; i++) {
          arguments[i] = i == index ? value : accessors[i].invoke(element);
        }
        return canonical.newInstance(arguments);
      } catch (ReflectiveOperationException e) {
        throw rethrow(e);
      }
    }
  }

  // ------------------------------------------------------------------ POJOs

  /**
   * A POJO property: read through a public field or a getter, written (into a copy made with
   * the no-arg constructor and a copy of every instance field) through the field or a setter.
   */
  private static final class PojoAccessor extends FieldAccessor {
    private final Field field;
    private final Method getter;
    private final Method setter;
    private final Constructor<?> constructor;
    private final Field[] instanceFields;
    private final Class<?> declaredType;

    private PojoAccessor(Field field, Method getter, Method setter, Constructor<?> constructor,
        Field[] instanceFields, Class<?> declaredType) {
      this.field = field;
      this.getter = getter;
      this.setter = setter;
      this.constructor = constructor;
      this.instanceFields = instanceFields;
      this.declaredType = declaredType;
    }

    static PojoAccessor of(Class<?> type, FieldRef ref, Aggregation aggregation) {
      if (!ref.isNamed()) {
        throw new IllegalArgumentException(ref.call() + ": " + name(type)
            + " is neither an array, a list nor a record, so its fields have no positions: use a field name, e.g. "
            + ref.call().substring(0, ref.call().indexOf('(')) + "(\"count\")");
      }
      String property = ref.name();
      Field publicField = publicField(type, property);
      Method getter = publicField == null ? getter(type, property) : null;
      if (publicField == null && getter == null) {
        throw new IllegalArgumentException(ref.call() + ": " + name(type) + " has no field or getter '"
            + property + "'; its fields are " + properties(type));
      }
      Class<?> declaredType = publicField != null ? publicField.getType() : getter.getReturnType();
      if (publicField != null) {
        accessible(publicField, type, ref);
      } else {
        accessible(getter, type, ref);
      }
      if (!aggregation.writesField() || Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
        // minBy/maxBy only read; an abstract type is checked again for each concrete class.
        return new PojoAccessor(publicField, getter, null, null, new Field[0], declaredType);
      }
      Field writeField = publicField;
      Method setter = null;
      if (writeField == null) {
        setter = setter(type, property, declaredType);
        if (setter == null) {
          writeField = declaredField(type, property);
        }
        if (setter == null && writeField == null) {
          throw new IllegalArgumentException(ref.call() + ": " + name(type) + " has a getter for '" + property
              + "' but no setter set" + capitalize(property) + "(" + declaredType.getSimpleName()
              + ") nor a field '" + property + "' to write the " + aggregation.method() + " into");
        }
        if (writeField != null) {
          accessible(writeField, type, ref);
        }
      }
      Constructor<?> constructor;
      try {
        constructor = accessible(type.getDeclaredConstructor(), type, ref);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(ref.call() + ": " + name(type) + " needs a no-arg constructor: "
            + aggregation.method() + " returns a copy of the first element with '" + property + "' replaced", e);
      }
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            fields.add(accessible(f, type, ref));
          }
        }
      }
      if (setter != null) {
        accessible(setter, type, ref);
      }
      return new PojoAccessor(writeField, getter, setter, constructor, fields.toArray(new Field[0]), declaredType);
    }

    private static Field publicField(Class<?> type, String name) {
      try {
        Field f = type.getField(name);
        return Modifier.isStatic(f.getModifiers()) ? null : f;
      } catch (NoSuchFieldException e) {
        return null;
      }
    }

    private static Field declaredField(Class<?> type, String name) {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        try {
          Field f = c.getDeclaredField(name);
          if (!Modifier.isStatic(f.getModifiers())) {
            return f;
          }
        } catch (NoSuchFieldException e) {
          // look in the superclass
        }
      }
      return null;
    }

    private static Method getter(Class<?> type, String property) {
      for (String prefix : new String[] {"get", "is"}) {
        try {
          Method m = type.getMethod(prefix + capitalize(property));
          if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
              && (prefix.equals("get") || m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return m;
          }
        } catch (NoSuchMethodException e) {
          // try the next prefix
        }
      }
      return null;
    }

    private static Method setter(Class<?> type, String property, Class<?> propertyType) {
      try {
        Method m = type.getMethod("set" + capitalize(property), propertyType);
        return Modifier.isStatic(m.getModifiers()) ? null : m;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }

    /** The readable properties of {@code type}: public fields, then getters. */
    private static Set<String> properties(Class<?> type) {
      Set<String> names = new LinkedHashSet<>();
      for (Field f : type.getFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          names.add(f.getName());
        }
      }
      Set<String> getters = new TreeSet<>();
      for (Method m : type.getMethods()) {
        String n = m.getName();
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
          continue;
        }
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) {
          getters.add(decapitalize(n.substring(3)));
        } else if (n.startsWith("is") && n.length() > 2
            && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
          getters.add(decapitalize(n.substring(2)));
        }
      }
      names.addAll(getters);
      return names;
    }

    private static String capitalize(String s) {
      return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String decapitalize(String s) {
      return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    @Override
    Class<?> declaredType() {
      return declaredType;
    }

    @Override
    Object get(Object element) {
      try {
        return getter != null ? getter.invoke(element) : field.get(element);
      } catch (ReflectiveOperationException e) {
        throw rethrow(e);
      }
    }

    @Override
    Object with(Object element, Object value) {
      try {
        Object copy = constructor.newInstance();
        for (Field f : instanceFields) {
          f.set(copy, f.get(element));
        }
        if (setter != null) {
          setter.invoke(copy, value);
        } else {
          field.set(copy, value);
        }
        return copy;
      } catch (ReflectiveOperationException e) {
        throw rethrow(e);
      }
    }
  }
}
