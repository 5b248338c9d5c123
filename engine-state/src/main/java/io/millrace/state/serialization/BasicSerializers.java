package io.millrace.state.serialization;

import java.io.IOException;

/**
 * Serializers of boxed primitives and strings: fixed-width big-endian, strings as UTF-8 with a
 * variable-length byte count. None accepts {@code null} (wrap in {@link NullableSerializer}).
 */
final class BasicSerializers {
  private BasicSerializers() {}

  static final class LongSerializer extends StatelessSerializer<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Long value, DataOutputView out) throws IOException {
      out.writeLong(value);
    }

    @Override
    public Long deserialize(DataInputView in) throws IOException {
      return in.readLong();
    }
  }

  static final class IntSerializer extends StatelessSerializer<Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Integer value, DataOutputView out) throws IOException {
      out.writeInt(value);
    }

    @Override
    public Integer deserialize(DataInputView in) throws IOException {
      return in.readInt();
    }
  }

  static final class ShortSerializer extends StatelessSerializer<Short> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Short value, DataOutputView out) throws IOException {
      out.writeShort(value);
    }

    @Override
    public Short deserialize(DataInputView in) throws IOException {
      return in.readShort();
    }
  }

  static final class ByteSerializer extends StatelessSerializer<Byte> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Byte value, DataOutputView out) throws IOException {
      out.writeByte(value);
    }

    @Override
    public Byte deserialize(DataInputView in) throws IOException {
      return in.readByte();
    }
  }

  static final class DoubleSerializer extends StatelessSerializer<Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Double value, DataOutputView out) throws IOException {
      out.writeDouble(value);
    }

    @Override
    public Double deserialize(DataInputView in) throws IOException {
      return in.readDouble();
    }
  }

  static final class FloatSerializer extends StatelessSerializer<Float> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Float value, DataOutputView out) throws IOException {
      out.writeFloat(value);
    }

    @Override
    public Float deserialize(DataInputView in) throws IOException {
      return in.readFloat();
    }
  }

  static final class BooleanSerializer extends StatelessSerializer<Boolean> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Boolean value, DataOutputView out) throws IOException {
      out.writeBoolean(value);
    }

    @Override
    public Boolean deserialize(DataInputView in) throws IOException {
      return in.readBoolean();
    }
  }

  static final class CharSerializer extends StatelessSerializer<Character> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Character value, DataOutputView out) throws IOException {
      out.writeChar(value);
    }

    @Override
    public Character deserialize(DataInputView in) throws IOException {
      return in.readChar();
    }
  }

  /**
   * UTF-8 with its byte count first. Encodes char by char into the output (no intermediate
   * array); unpaired surrogates become {@code '?'}, as {@link String#getBytes} does.
   */
  static final class StringSerializer extends StatelessSerializer<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(String value, DataOutputView out) throws IOException {
      int length = value.length();
      int byteCount = 0;
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c < 0x80) {
          byteCount++;
        } else if (c < 0x800) {
          byteCount += 2;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          byteCount += 4;
          i++;
        } else if (Character.isSurrogate(c)) {
          byteCount++;
        } else {
          byteCount += 3;
        }
      }
      Types.writeVarInt(byteCount, out);
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c < 0x80) {
          out.writeByte(c);
        } else if (c < 0x800) {
          out.writeByte(0xC0 | (c >> 6));
          out.writeByte(0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, value.charAt(++i));
          out.writeByte(0xF0 | (cp >> 18));
          out.writeByte(0x80 | ((cp >> 12) & 0x3F));
          out.writeByte(0x80 | ((cp >> 6) & 0x3F));
          out.writeByte(0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
          out.writeByte('?');
        } else {
          out.writeByte(0xE0 | (c >> 12));
          out.writeByte(0x80 | ((c >> 6) & 0x3F));
          out.writeByte(0x80 | (c & 0x3F));
        }
      }
    }

    @Override
    public String deserialize(DataInputView in) throws IOException {
      int byteCount = Types.readLength(in);
      if (in instanceof DataInputDeserializer direct) {
        return direct.readUtf8(byteCount);
      }
      byte[] bytes = new byte[byteCount];
      in.readFully(bytes);
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
