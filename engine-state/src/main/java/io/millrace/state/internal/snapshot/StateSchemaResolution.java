package io.millrace.state.internal.snapshot;

import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.SchemaCompatibility;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;

/**
 * The verdict on a restored state when the job registers it again: which serializers read the
 * restored bytes, which write from now on, and whether the restored entries must be rewritten
 * (migrated) first. Built by {@link #resolve}, which throws for anything that cannot be
 * restored.
 *
 * <p>Values (the value or accumulator, list elements, map values): compatible as is — the new
 * serializer reads the old bytes; compatible after migration — the serializer restored from
 * the snapshot reads them and the new one rewrites them; incompatible — the restore fails
 * naming the state and the reason. Namespaces and map keys decide where an entry is stored
 * (they are part of the RocksDB key), so as in Apache Flink they must be compatible as they
 * are; so must the keys ({@link #checkKeySerializer}). A change of kind or of TTL (on/off) is
 * incompatible.
 *
 * @param read the serializers that read the restored entries
 * @param write the serializers of the new registration
 * @param migrationNeeded whether the values must be migrated ({@code read} differs from
 *     {@code write} in its value serializer only)
 * @param migrationReason why, for logs; empty when no migration is needed
 */
public record StateSchemaResolution(
    StateSerializers read, StateSerializers write, boolean migrationNeeded,
    String migrationReason) {

  /**
   * Resolves the restored {@code restored} against the registration of {@code descriptor} with
   * {@code namespaceSerializer}.
   *
   * @throws IllegalStateException if the restored state cannot be read as the new one; the
   *     message names the state, the operator, what changed and the fix
   */
  public static StateSchemaResolution resolve(
      KeyedStateMetaInfo restored, StateDescriptor<?, ?> descriptor,
      TypeSerializer<?> namespaceSerializer, String operatorDescription) {
    String prefix = "cannot restore state '" + restored.name() + "' of " + operatorDescription + ": ";
    if (restored.kind() != descriptor.getKind()) {
      throw new IllegalStateException(
          prefix + "it was " + restored.kind() + " state and is now requested as "
              + descriptor.getKind() + " state; give the new state another name");
    }
    boolean ttl = descriptor.getTtlConfig() != null;
    if (restored.ttl() != ttl) {
      throw new IllegalStateException(
          prefix + "it was written " + (restored.ttl() ? "with" : "without")
              + " a time-to-live and is now requested " + (ttl ? "with" : "without")
              + " one; switching TTL on or off for existing state is not supported: keep the"
              + " TTL setting, or give the state another name");
    }
    StateSerializers write = StateSerializers.of(descriptor, namespaceSerializer);
    TypeSerializer<Object> newNamespace = StateSerializers.cast(namespaceSerializer);
    TypeSerializer<Object> newValue =
        StateSerializers.cast(KeyedStateMetaInfo.userValueSerializer(descriptor));
    TypeSerializer<Object> newUserKey =
        descriptor instanceof MapStateDescriptor<?, ?> map
            ? StateSerializers.cast(map.getKeySerializer())
            : null;
    requireAsIs(prefix, "namespace", restored.namespaceSerializer(), newNamespace);
    if (newUserKey != null) {
      requireAsIs(prefix, "map key", restored.userKeySerializer(), newUserKey);
    }
    SchemaCompatibility value = resolveUnchecked(restored.valueSerializer(), newValue);
    if (value.isIncompatible()) {
      throw new IllegalStateException(
          prefix + "its value serializer is incompatible with the restored data ("
              + value.reason() + ")");
    }
    if (value.isCompatibleAsIs()) {
      return new StateSchemaResolution(write, write, false, "");
    }
    StateSerializers read =
        StateSerializers.wrap(
            restored.kind(), ttl, write.namespace(),
            StateSerializers.cast(restored.valueSerializer().restoreSerializer()), write.userKey());
    return new StateSchemaResolution(read, write, true, value.reason());
  }

  /**
   * Fails unless keys written under {@code restored} can be read as they are by
   * {@code newKeySerializer}: keys decide where state lives, so they are never migrated.
   *
   * @throws IllegalStateException naming the operator, both serializers and the reason
   */
  public static void checkKeySerializer(
      TypeSerializerSnapshot<?> restored, TypeSerializer<?> newKeySerializer,
      String operatorDescription) {
    SchemaCompatibility compatibility = resolveUnchecked(restored, newKeySerializer);
    if (!compatibility.isCompatibleAsIs()) {
      throw new IllegalStateException(
          "cannot restore the keyed state of " + operatorDescription + ": its keys were written"
              + " under a schema that the new key serializer " + newKeySerializer
              + " cannot read as it is (" + compatibility.reason() + "); the key type of"
              + " keyBy(...) must not change across a restore");
    }
  }

  private static void requireAsIs(
      String prefix, String what, TypeSerializerSnapshot<?> restored, TypeSerializer<Object> current) {
    SchemaCompatibility compatibility = resolveUnchecked(restored, current);
    if (compatibility.isIncompatible()) {
      throw new IllegalStateException(
          prefix + "its " + what + " serializer is incompatible with the restored data ("
              + compatibility.reason() + ")");
    }
    if (compatibility.isCompatibleAfterMigration()) {
      throw new IllegalStateException(
          prefix + "its " + what + " serializer would need a migration ("
              + compatibility.reason() + "), which restored state does not support: "
              + what + "s decide where entries are stored, so keep their type");
    }
  }

  // A snapshot resolves against a serializer of the same value type; the restored snapshot's
  // type is only known as a wildcard, so both sides are viewed as Object.
  @SuppressWarnings("unchecked")
  private static SchemaCompatibility resolveUnchecked(
      TypeSerializerSnapshot<?> snapshot, TypeSerializer<?> serializer) {
    return ((TypeSerializerSnapshot<Object>) snapshot)
        .resolveSchemaCompatibility((TypeSerializer<Object>) serializer);
  }
}
