package io.millrace.state.serialization;

import java.util.Objects;

/**
 * The verdict of {@link TypeSerializerSnapshot#resolveSchemaCompatibility}: whether state written
 * by the old serializer can be read by the new one.
 *
 * @param outcome as is, after migration (read with {@link TypeSerializerSnapshot#restoreSerializer()},
 *     write with the new serializer), or not at all
 * @param reason why migration is needed or why the schemas are incompatible; empty when as is
 */
public record SchemaCompatibility(Outcome outcome, String reason) {

  /** The three possible verdicts. */
  public enum Outcome {
    /** The new serializer reads the old bytes directly. */
    COMPATIBLE_AS_IS,
    /** The old bytes must be read with the restore serializer and rewritten with the new one. */
    COMPATIBLE_AFTER_MIGRATION,
    /** The old state cannot be read into the new type; the restore must fail. */
    INCOMPATIBLE
  }

  private static final SchemaCompatibility AS_IS = new SchemaCompatibility(Outcome.COMPATIBLE_AS_IS, "");

  /** Checks the arguments are non-null. */
  public SchemaCompatibility {
    Objects.requireNonNull(outcome, "outcome must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }

  /** The new serializer reads the old bytes as they are. */
  public static SchemaCompatibility compatibleAsIs() {
    return AS_IS;
  }

  /** The old state must be migrated, because of {@code reason}. */
  public static SchemaCompatibility compatibleAfterMigration(String reason) {
    return new SchemaCompatibility(Outcome.COMPATIBLE_AFTER_MIGRATION, reason);
  }

  /** The old state cannot be read, because of {@code reason} (which should say what changed). */
  public static SchemaCompatibility incompatible(String reason) {
    return new SchemaCompatibility(Outcome.INCOMPATIBLE, reason);
  }

  /** Whether the outcome is {@link Outcome#COMPATIBLE_AS_IS}. */
  public boolean isCompatibleAsIs() {
    return outcome == Outcome.COMPATIBLE_AS_IS;
  }

  /** Whether the outcome is {@link Outcome#COMPATIBLE_AFTER_MIGRATION}. */
  public boolean isCompatibleAfterMigration() {
    return outcome == Outcome.COMPATIBLE_AFTER_MIGRATION;
  }

  /** Whether the outcome is {@link Outcome#INCOMPATIBLE}. */
  public boolean isIncompatible() {
    return outcome == Outcome.INCOMPATIBLE;
  }

  /** The worse of this and {@code other}; reasons of the worse one are kept. */
  SchemaCompatibility and(SchemaCompatibility other) {
    return other.outcome.compareTo(outcome) > 0 ? other : this;
  }
}
