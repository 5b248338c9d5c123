package io.millrace.state.serialization;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses and builds serializers. {@link #forClass(Class)} derives the serializer of a class
 * once (cached per class, without keeping the class loader alive) and reuses it; the factories
 * compose serializers for generic types that a {@code Class} cannot name.
 *
 * <p>What {@code forClass} supports, in order:
 *
 * <ul>
 *   <li>boxed primitives (and their primitive classes), {@code String} (UTF-8), primitive arrays;
 *   <li>enums (ordinal on the wire, constant names in the snapshot);
 *   <li>arrays of any supported component type;
 *   <li>{@code List}, {@code Collection}, {@code ArrayList}, {@code Set}, {@code HashSet},
 *       {@code LinkedHashSet}, {@code Map}, {@code HashMap}, {@code LinkedHashMap} — a class
 *       cannot name their element types, so elements go through the generic serializer (see
 *       below); record and POJO fields, whose generic types are known, get exact element
 *       serializers;
 *   <li>{@code Object}: the generic serializer;
 *   <li>records: components in order, through the canonical constructor;
 *   <li>POJOs: a public no-arg constructor, fields public or with public getters and setters,
 *       written by name order.
 * </ul>
 *
 * <p>The generic serializer writes each value's runtime class name before the value, then uses
 * {@code forClass} of that class: it costs the name's bytes per value and a lookup per value,
 * and a restore cannot check its schema. Reference-typed fields and collection elements are
 * nullable (one presence byte each).
 *
 * <pre>{@code
 * TypeSerializer<List<Long>> s = TypeSerializers.listOf(TypeSerializers.forClass(Long.class));
 * new ValueStateDescriptor<>("history", s);
 * }</pre>
 */
public final class TypeSerializers {
  private static final ClassValue<TypeSerializer<?>> DERIVED =
      new ClassValue<>() {
        @Override
        protected TypeSerializer<?> computeValue(Class<?> type) {
          return derive(type);
        }
      };

  /** Record/POJO classes being derived on this thread, to break cycles. */
  private static final ThreadLocal<Set<Class<?>>> IN_PROGRESS = ThreadLocal.withInitial(HashSet::new);

  private static final Map<Class<?>, TypeSerializer<?>> BASIC = new HashMap<>();

  static {
    basic(new BasicSerializers.LongSerializer(), Long.class, long.class);
    basic(new BasicSerializers.IntSerializer(), Integer.class, int.class);
    basic(new BasicSerializers.ShortSerializer(), Short.class, short.class);
    basic(new BasicSerializers.ByteSerializer(), Byte.class, byte.class);
    basic(new BasicSerializers.DoubleSerializer(), Double.class, double.class);
    basic(new BasicSerializers.FloatSerializer(), Float.class, float.class);
    basic(new BasicSerializers.BooleanSerializer(), Boolean.class, boolean.class);
    basic(new BasicSerializers.CharSerializer(), Character.class, char.class);
    basic(new BasicSerializers.StringSerializer(), String.class);
    basic(new PrimitiveArraySerializers.ByteArraySerializer(), byte[].class);
    basic(new PrimitiveArraySerializers.IntArraySerializer(), int[].class);
    basic(new PrimitiveArraySerializers.LongArraySerializer(), long[].class);
    basic(new PrimitiveArraySerializers.ShortArraySerializer(), short[].class);
    basic(new PrimitiveArraySerializers.DoubleArraySerializer(), double[].class);
    basic(new PrimitiveArraySerializers.FloatArraySerializer(), float[].class);
    basic(new PrimitiveArraySerializers.BooleanArraySerializer(), boolean[].class);
    basic(new PrimitiveArraySerializers.CharArraySerializer(), char[].class);
  }

  private static void basic(TypeSerializer<?> serializer, Class<?>... types) {
    for (Class<?> type : types) {
      BASIC.put(type, serializer);
    }
  }

  private TypeSerializers() {}

  /**
   * The serializer for values of {@code type} (non-null values; wrap with {@link #nullable}).
   *
   * @throws IllegalArgumentException if {@code type} (or one of its fields' types) has no
   *     serializer, naming the class and the fix
   */
  public static <T> TypeSerializer<T> forClass(Class<T> type) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null; use TypeSerializers.generic() for unknown types");
    }
    TypeSerializer<?> basic = BASIC.get(type);
    if (basic != null) {
      return Types.cast(basic);
    }
    if (IN_PROGRESS.get().contains(type)) {
      return new RecursiveReferenceSerializer<>(type);
    }
    return Types.cast(DERIVED.get(type));
  }

  static TypeSerializer<Object> forClassUnchecked(Class<?> type) {
    return Types.cast(forClass(type));
  }

  /**
   * The fallback for values of unknown type: writes the runtime class name, then the value
   * through {@code forClass} of that class (see the class comment for the cost).
   */
  public static <T> TypeSerializer<T> generic() {
    return Types.cast(new GenericSerializer());
  }

  /** {@code serializer} plus {@code null}, at the cost of one presence byte per value. */
  public static <T> TypeSerializer<T> nullable(TypeSerializer<T> serializer) {
    return serializer instanceof NullableSerializer<T> ? serializer : new NullableSerializer<>(serializer);
  }

  /** Lists of non-null elements written by {@code element}; read back as {@link ArrayList}. */
  public static <E> TypeSerializer<List<E>> listOf(TypeSerializer<E> element) {
    return new ListSerializer<>(element);
  }

  /** Sets of non-null elements written by {@code element}; read back as {@link LinkedHashSet}. */
  public static <E> TypeSerializer<Set<E>> setOf(TypeSerializer<E> element) {
    return new SetSerializer<>(element);
  }

  /** Maps with non-null keys and values; read back as {@link LinkedHashMap}. */
  public static <K, V> TypeSerializer<Map<K, V>> mapOf(TypeSerializer<K> key, TypeSerializer<V> value) {
    return new MapSerializer<>(key, value);
  }

  /** Arrays of {@code component} with non-null elements written by {@code element}. */
  public static <E> TypeSerializer<E[]> arrayOf(Class<E> component, TypeSerializer<E> element) {
    return new ObjectArraySerializer<>(component, element);
  }

  private static TypeSerializer<?> derive(Class<?> type) {
    if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      return enumSerializer(type.isEnum() ? type : type.getSuperclass());
    }
    if (type.isArray()) {
      return new ObjectArraySerializer<>(
          Types.<Class<Object>>cast(type.getComponentType()), nullable(forClassUnchecked(type.getComponentType())));
    }
    if (type == List.class || type == Collection.class || type == ArrayList.class) {
      return listOf(nullable(generic()));
    }
    if (type == Set.class || type == HashSet.class || type == LinkedHashSet.class) {
      return setOf(nullable(generic()));
    }
    if (type == Map.class || type == HashMap.class || type == LinkedHashMap.class) {
      return mapOf(nullable(generic()), nullable(generic()));
    }
    if (type == Object.class) {
      return generic();
    }
    if (type.isRecord()) {
      return struct(type, true);
    }
    String why = unsupportedReason(type);
    if (why != null) {
      throw unserializable(type, why);
    }
    return struct(type, false);
  }

  private static <E extends Enum<E>> TypeSerializer<E> enumSerializer(Class<?> type) {
    return new EnumSerializer<>(Types.<Class<E>>cast(type));
  }

  private static String unsupportedReason(Class<?> type) {
    String name = type.getName();
    if (type.isInterface()) {
      return "it is an interface";
    } else if (Modifier.isAbstract(type.getModifiers())) {
      return "it is abstract";
    } else if (type.isPrimitive()) {
      return "it is " + name;
    } else if (Thread.class.isAssignableFrom(type)
        || name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")
        || name.startsWith("com.sun.")) {
      return "it is a JDK class without a built-in serializer";
    } else if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      return "it is an inner (non-static) class";
    }
    try {
      if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
        return "it has no public no-arg constructor";
      }
    } catch (NoSuchMethodException e) {
      return "it is not a record and has no public no-arg constructor";
    }
    return null;
  }

  static IllegalArgumentException unserializable(Class<?> type, String why) {
    return unserializable(type, why, null);
  }

  private static IllegalArgumentException unserializable(Class<?> type, String why, Throwable cause) {
    String simple = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    return new IllegalArgumentException(
        "no serializer for "
            + type.getName()
            + ": "
            + why
            + "; give the descriptor an explicit TypeSerializer, or make "
            + simple
            + " a record / a POJO with a public no-arg constructor",
        cause);
  }

  private static TypeSerializer<?> struct(Class<?> type, boolean record) {
    Set<Class<?>> inProgress = IN_PROGRESS.get();
    inProgress.add(type);
    try {
      if (record) {
        RecordComponent[] components = type.getRecordComponents();
        TypeSerializer<Object>[] fields = Types.cast(new TypeSerializer<?>[components.length]);
        for (int i = 0; i < components.length; i++) {
          fields[i] = fieldSerializer(type, components[i].getName(), components[i].getType(), components[i].getGenericType());
        }
        return new RecordSerializer<>(type, fields);
      }
      List<Field> pojoFields;
      try {
        pojoFields = new ArrayList<>(PojoSerializer.pojoFields(type).values());
      } catch (IllegalArgumentException e) {
        throw unserializable(type, e.getMessage(), e);
      }
      TypeSerializer<Object>[] fields = Types.cast(new TypeSerializer<?>[pojoFields.size()]);
      for (int i = 0; i < fields.length; i++) {
        Field field = pojoFields.get(i);
        fields[i] = fieldSerializer(type, field.getName(), field.getType(), field.getGenericType());
      }
      try {
        return PojoSerializer.create(type, pojoFields, fields);
      } catch (IllegalArgumentException e) {
        throw unserializable(type, e.getMessage(), e);
      }
    } finally {
      inProgress.remove(type);
      if (inProgress.isEmpty()) {
        IN_PROGRESS.remove();
      }
    }
  }

  private static TypeSerializer<Object> fieldSerializer(
      Class<?> owner, String name, Class<?> rawType, Type genericType) {
    try {
      TypeSerializer<Object> serializer = forType(genericType);
      return rawType.isPrimitive() ? serializer : nullable(serializer);
    } catch (IllegalArgumentException e) {
      throw unserializable(owner, "field '" + name + "' of type " + genericType.getTypeName() + ": " + e.getMessage(), e);
    }
  }

  /** A serializer for a generic type, using element types where they are known. */
  private static TypeSerializer<Object> forType(Type type) {
    if (type instanceof Class<?> c) {
      return forClassUnchecked(c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class || raw == Collection.class || raw == ArrayList.class) {
        return Types.cast(listOf(nullable(forType(args[0]))));
      } else if (raw == Set.class || raw == HashSet.class || raw == LinkedHashSet.class) {
        return Types.cast(setOf(nullable(forType(args[0]))));
      } else if (raw == Map.class || raw == HashMap.class || raw == LinkedHashMap.class) {
        return Types.cast(mapOf(nullable(forType(args[0])), nullable(forType(args[1]))));
      }
      return forClassUnchecked(raw);
    }
    return generic(); // type variables, wildcards, generic arrays
  }
}
