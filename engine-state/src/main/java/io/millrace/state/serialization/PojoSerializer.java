package io.millrace.state.serialization;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A POJO (public no-arg constructor; each non-static, non-transient field public and non-final,
 * or with a public getter and setter) as its fields sorted by name, written through method
 * handles resolved once per class. Only instances of exactly the derived class are accepted: a
 * subclass's extra fields would be lost. Fields that old data lacks keep the value the no-arg
 * constructor gave them (null/0/false unless initialized).
 */
final class PojoSerializer<T> extends StructSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient MethodHandle constructor;
  private final transient MethodHandle[] getters;
  private final transient MethodHandle[] setters;

  private PojoSerializer(
      Class<T> type,
      String[] names,
      String[] typeNames,
      TypeSerializer<Object>[] fields,
      MethodHandle constructor,
      MethodHandle[] getters,
      MethodHandle[] setters) {
    super(type, names, typeNames, fields);
    this.constructor = constructor;
    this.getters = getters;
    this.setters = setters;
  }

  /** The POJO fields of {@code type} by name, or an IllegalArgumentException saying which is not. */
  static TreeMap<String, Field> pojoFields(Class<?> type) {
    TreeMap<String, Field> fields = new TreeMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
          continue;
        }
        if (fields.putIfAbsent(field.getName(), field) != null) {
          throw new IllegalArgumentException(
              "field '" + field.getName() + "' of " + c.getName() + " is shadowed by a subclass field");
        }
      }
    }
    return fields;
  }

  static <T> PojoSerializer<T> create(Class<T> type, List<Field> fieldList, TypeSerializer<Object>[] serializers) {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    int n = fieldList.size();
    String[] names = new String[n];
    String[] typeNames = new String[n];
    MethodHandle[] getters = new MethodHandle[n];
    MethodHandle[] setters = new MethodHandle[n];
    MethodType getterType = MethodType.methodType(Object.class, Object.class);
    MethodType setterType = MethodType.methodType(void.class, Object.class, Object.class);
    try {
      for (int i = 0; i < n; i++) {
        Field field = fieldList.get(i);
        names[i] = field.getName();
        typeNames[i] = field.getGenericType().getTypeName();
        Method getter = accessor(type, field, true);
        Method setter = accessor(type, field, false);
        if (Modifier.isPublic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
          field.setAccessible(true);
          getters[i] = lookup.unreflectGetter(field).asType(getterType);
          setters[i] = lookup.unreflectSetter(field).asType(setterType);
        } else if (getter != null && setter != null) {
          getter.setAccessible(true);
          setter.setAccessible(true);
          getters[i] = lookup.unreflect(getter).asType(getterType);
          setters[i] = MethodHandles.dropReturn(lookup.unreflect(setter)).asType(setterType);
        } else {
          throw new IllegalArgumentException(
              "field '"
                  + field.getName()
                  + "' of "
                  + type.getName()
                  + " is neither public and non-final nor has a public getter and setter");
        }
      }
      Constructor<T> noArg = type.getConstructor();
      noArg.setAccessible(true);
      MethodHandle constructor =
          lookup.unreflectConstructor(noArg).asType(MethodType.methodType(Object.class));
      return new PojoSerializer<>(type, names, typeNames, serializers, constructor, getters, setters);
    } catch (ReflectiveOperationException | SecurityException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("cannot access the fields of POJO " + type.getName(), e);
    }
  }

  private static Method accessor(Class<?> type, Field field, boolean getter) {
    String capitalized =
        field.getName().substring(0, 1).toUpperCase(Locale.ROOT) + field.getName().substring(1);
    List<String> candidates = new ArrayList<>();
    if (getter) {
      candidates.add("get" + capitalized);
      if (field.getType() == boolean.class) {
        candidates.add("is" + capitalized);
      }
    } else {
      candidates.add("set" + capitalized);
    }
    for (String name : candidates) {
      try {
        Method method =
            getter ? type.getMethod(name) : type.getMethod(name, field.getType());
        if (!getter || method.getReturnType() == field.getType()) {
          return method;
        }
      } catch (NoSuchMethodException e) {
        // try the next candidate
      }
    }
    return null;
  }

  @Override
  String kindName() {
    return "POJO";
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  Object get(T value, int index) {
    if (value.getClass() != type) {
      throw new IllegalArgumentException(
          "the serializer of POJO "
              + type.getName()
              + " got an instance of subclass "
              + value.getClass().getName()
              + "; give the descriptor an explicit TypeSerializer for the subclasses");
    }
    try {
      return (Object) getters[index].invokeExact((Object) value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("getter of field " + names[index] + " of " + type.getName() + " failed", t);
    }
  }

  @Override
  T create(Object[] values) {
    try {
      Object instance = (Object) constructor.invokeExact();
      for (int i = 0; i < values.length; i++) {
        if (values[i] != MISSING) {
          setters[i].invokeExact(instance, values[i]);
        }
      }
      return type.cast(instance);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("cannot instantiate POJO " + type.getName(), t);
    }
  }
}
