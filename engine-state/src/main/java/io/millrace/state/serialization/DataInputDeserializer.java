package io.millrace.state.serialization;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link DataInputView} over a byte array, meant to be reused: point it at the next value's
 * bytes with {@link #setBuffer(byte[], int, int)}; reading allocates nothing beyond the values
 * themselves.
 *
 * <p>Not thread-safe: one instance per thread (per state backend).
 */
public final class DataInputDeserializer implements DataInputView {
  private byte[] buffer = new byte[0];
  private int position;
  private int end;

  /** An empty input; call {@link #setBuffer} before reading. */
  public DataInputDeserializer() {}

  /** Reads all of {@code bytes}. */
  public DataInputDeserializer(byte[] bytes) {
    setBuffer(bytes, 0, bytes.length);
  }

  /** Reads {@code length} bytes of {@code bytes} from {@code offset}; the array is not copied. */
  public void setBuffer(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > bytes.length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + " and length " + length + " outside an array of " + bytes.length);
    }
    this.buffer = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  /** The number of bytes not read yet. */
  public int available() {
    return end - position;
  }

  private void require(int n) throws EOFException {
    if (end - position < n) {
      throw new EOFException("needed " + n + " more bytes, " + (end - position) + " left");
    }
  }

  /** Decodes {@code byteCount} bytes of UTF-8 in place (the string serializer's fast path). */
  String readUtf8(int byteCount) throws EOFException {
    require(byteCount);
    String s = new String(buffer, position, byteCount, StandardCharsets.UTF_8);
    position += byteCount;
    return s;
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    require(len);
    System.arraycopy(buffer, position, b, off, len);
    position += len;
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    require(1);
    return buffer[position++];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    return (short) readUnsignedShort();
  }

  @Override
  public int readUnsignedShort() throws IOException {
    require(2);
    int v = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
    position += 2;
    return v;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readUnsignedShort();
  }

  @Override
  public int readInt() throws IOException {
    require(4);
    int v =
        ((buffer[position] & 0xFF) << 24)
            | ((buffer[position + 1] & 0xFF) << 16)
            | ((buffer[position + 2] & 0xFF) << 8)
            | (buffer[position + 3] & 0xFF);
    position += 4;
    return v;
  }

  @Override
  public long readLong() throws IOException {
    return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** Not supported: line-oriented text has no place in serialized state. */
  @Override
  public String readLine() {
    throw new UnsupportedOperationException("readLine is not supported by DataInputDeserializer");
  }

  /** Modified UTF-8 as written by {@link java.io.DataOutput#writeUTF}; for snapshots, not per record. */
  @Override
  public String readUTF() throws IOException {
    int length = readUnsignedShort();
    require(length);
    byte[] bytes = new byte[length + 2];
    bytes[0] = (byte) (length >>> 8);
    bytes[1] = (byte) length;
    System.arraycopy(buffer, position, bytes, 2, length);
    position += length;
    return new DataInputStream(new ByteArrayInputStream(bytes)).readUTF();
  }
}
