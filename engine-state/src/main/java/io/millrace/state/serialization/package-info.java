/**
 * How state is turned into bytes: {@link io.millrace.state.serialization.TypeSerializer}, its
 * {@link io.millrace.state.serialization.TypeSerializerSnapshot} (written into checkpoints and
 * savepoints so that a restore can check, and if needed migrate, the schema), and
 * {@link io.millrace.state.serialization.TypeSerializers}, which derives a serializer for a class
 * once. Public API; the built-in serializers themselves are package-private.
 */
package io.millrace.state.serialization;
