package io.millrace.state.serialization;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * A Java record as its components in declaration order, read back through the canonical
 * constructor. Accessors and constructor are method handles resolved once per class; primitive
 * components are boxed on the way through.
 */
final class RecordSerializer<T> extends StructSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient MethodHandle[] accessors;
  private final transient MethodHandle constructor;
  private final transient Object[] defaults;
  private final boolean immutable;

  RecordSerializer(Class<T> type, TypeSerializer<Object>[] fields) {
    super(type, componentNames(type), componentTypeNames(type), fields);
    RecordComponent[] components = type.getRecordComponents();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    this.accessors = new MethodHandle[components.length];
    this.defaults = new Object[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    boolean allImmutable = true;
    try {
      for (int i = 0; i < components.length; i++) {
        Method accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        accessors[i] =
            lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
        parameterTypes[i] = components[i].getType();
        defaults[i] = Defaults.of(parameterTypes[i]);
        allImmutable &= fields[i].isImmutableType();
      }
      Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
      canonical.setAccessible(true);
      this.constructor =
          lookup
              .unreflectConstructor(canonical)
              .asSpreader(Object[].class, components.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot access the components or canonical constructor of record " + type.getName(), e);
    }
    this.immutable = allImmutable;
  }

  private static String[] componentNames(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    String[] names = new String[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
    }
    return names;
  }

  private static String[] componentTypeNames(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    String[] names = new String[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getGenericType().getTypeName();
    }
    return names;
  }

  @Override
  String kindName() {
    return "record";
  }

  @Override
  public boolean isImmutableType() {
    return immutable;
  }

  @Override
  Object get(T value, int index) {
    try {
      return (Object) accessors[index].invokeExact((Object) value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("accessor " + names[index] + "() of " + type.getName() + " failed", t);
    }
  }

  @Override
  T create(Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == MISSING) {
        values[i] = defaults[i];
      }
    }
    try {
      return type.cast((Object) constructor.invokeExact(values));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("canonical constructor of record " + type.getName() + " failed", t);
    }
  }
}
