package io.millrace.state.serialization;

import java.io.DataInput;

/**
 * The source of {@link TypeSerializer#deserialize}: a {@link DataInput} (big-endian, as
 * {@link java.io.DataInputStream}). Implementations: {@link DataInputDeserializer} (over a byte
 * array, reusable) and {@link DataInputViewStreamWrapper} (over a stream).
 */
public interface DataInputView extends DataInput {}
