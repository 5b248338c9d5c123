package io.millrace.state.serialization;

import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A growable in-memory {@link DataOutputView}, meant to be reused: {@link #clear()} it between
 * records and read the bytes with {@link #getSharedBuffer()} and {@link #length()}, so that
 * serializing a record allocates nothing once the buffer has grown to fit.
 *
 * <pre>{@code
 * DataOutputSerializer out = new DataOutputSerializer(64);
 * out.clear();
 * serializer.serialize(value, out);
 * db.put(out.getSharedBuffer(), 0, out.length());
 * }</pre>
 *
 * <p>Not thread-safe: one instance per thread (per state backend).
 */
public final class DataOutputSerializer implements DataOutputView {
  private byte[] buffer;
  private int position;

  /** An empty buffer with room for {@code initialCapacity} bytes before it grows. */
  public DataOutputSerializer(int initialCapacity) {
    if (initialCapacity < 1) {
      throw new IllegalArgumentException("initialCapacity must be positive, got " + initialCapacity);
    }
    this.buffer = new byte[initialCapacity];
  }

  /** Forgets the written bytes, keeping the capacity. */
  public void clear() {
    position = 0;
  }

  /** The number of bytes written since the last {@link #clear()}. */
  public int length() {
    return position;
  }

  /** The internal buffer; valid bytes are {@code [0, length())}, overwritten by later writes. */
  public byte[] getSharedBuffer() {
    return buffer;
  }

  /** A copy of the written bytes. */
  public byte[] getCopyOfBuffer() {
    return Arrays.copyOf(buffer, position);
  }

  private void ensure(int more) {
    int required = position + more;
    if (required > buffer.length) {
      if (required < 0) {
        throw new IllegalStateException("serialized value exceeds 2 GiB");
      }
      buffer = Arrays.copyOf(buffer, Math.max(required, buffer.length * 2));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buffer[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buffer, position, len);
    position += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensure(2);
    buffer[position++] = (byte) (v >>> 8);
    buffer[position++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensure(4);
    buffer[position++] = (byte) (v >>> 24);
    buffer[position++] = (byte) (v >>> 16);
    buffer[position++] = (byte) (v >>> 8);
    buffer[position++] = (byte) v;
  }

  @Override
  public void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    int len = s.length();
    ensure(len);
    for (int i = 0; i < len; i++) {
      buffer[position++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    int len = s.length();
    for (int i = 0; i < len; i++) {
      writeChar(s.charAt(i));
    }
  }

  /** Modified UTF-8 with a two-byte length, exactly as {@link java.io.DataOutputStream#writeUTF}. */
  @Override
  public void writeUTF(String s) throws UTFDataFormatException {
    int len = s.length();
    int utfLength = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      utfLength += (c >= 0x0001 && c <= 0x007F) ? 1 : (c > 0x07FF ? 3 : 2);
    }
    if (utfLength > 65535) {
      throw new UTFDataFormatException("encoded string too long: " + utfLength + " bytes");
    }
    writeShort(utfLength);
    ensure(utfLength);
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        buffer[position++] = (byte) c;
      } else if (c > 0x07FF) {
        buffer[position++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
        buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buffer[position++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }
}
