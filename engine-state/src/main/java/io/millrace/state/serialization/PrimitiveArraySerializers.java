package io.millrace.state.serialization;

import java.io.IOException;

/**
 * Serializers of primitive arrays: a variable-length element count, then the elements
 * fixed-width. Arrays are mutable, so {@code copy} clones. {@code null} is rejected.
 */
final class PrimitiveArraySerializers {
  private PrimitiveArraySerializers() {}

  static final class ByteArraySerializer extends StatelessSerializer<byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(byte[] value, DataOutputView out) throws IOException {
      Types.writeVarInt(value.length, out);
      out.write(value);
    }

    @Override
    public byte[] deserialize(DataInputView in) throws IOException {
      byte[] array = new byte[Types.readLength(in)];
      in.readFully(array);
      return array;
    }

    @Override
    public byte[] copy(byte[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }
  }

  static final class IntArraySerializer extends StatelessSerializer<int[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(int[] value, DataOutputView out) throws IOException {
      Types.writeVarInt(value.length, out);
      for (int element : value) {
        out.writeInt(element);
      }
    }

    @Override
    public int[] deserialize(DataInputView in) throws IOException {
      int[] array = new int[Types.readLength(in)];
      for (int i = 0; i < array.length; i++) {
        array[i] = in.readInt();
      }
      return array;
    }

    @Override
    public int[] copy(int[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }
  }

  static final class LongArraySerializer extends StatelessSerializer<long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(long[] value, DataOutputView out) throws IOException {
      Types.writeVarInt(value.length, out);
      for (long element : value) {
        out.writeLong(element);
      }
    }

    @Override
    public long[] deserialize(DataInputView in) throws IOException {
      long[] array = new long[Types.readLength(in)];
      for (int i = 0; i < array.length; i++) {
        array[i] = in.readLong();
      }
      return array;
    }

    @Override
    public long[] copy(long[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }
  }

  static final class ShortArraySerializer extends StatelessSerializer<short[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(short[] value, DataOutputView out) throws IOException {
      Types.writeVarInt(value.length, out);
      for (short element : value) {
        out.writeShort(element);
      }
    }

    @Override
    public short[] deserialize(DataInputView in) throws IOException {
      short[] array = new short[Types.readLength(in)];
      for (int i = 0; i < array.length; i++) {
        array[i] = in.readShort();
      }
      return array;
    }

    @Override
    public short[] copy(short[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }
  }

  static final class DoubleArraySerializer extends StatelessSerializer<double[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(double[] value, DataOutputView out) throws IOException {
      Types.writeVarInt(value.length, out);
      for (double element : value) {
        out.writeDouble(element);
      }
    }

    @Override
    public double[] deserialize(DataInputView in) throws IOException {
      double[] array = new double[Types.readLength(in)];
      for (int i = 0; i < array.length; i++) {
        array[i] = in.readDouble();
      }
      return array;
    }

    @Override
    public double[] copy(double[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }
  }

  static final class FloatArraySerializer extends StatelessSerializer<float[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(float[] value, DataOutputView out) throws IOException {
      Types.writeVarInt(value.length, out);
      for (float element : value) {
        out.writeFloat(element);
      }
    }

    @Override
    public float[] deserialize(DataInputView in) throws IOException {
      float[] array = new float[Types.readLength(in)];
      for (int i = 0; i < array.length; i++) {
        array[i] = in.readFloat();
      }
      return array;
    }

    @Override
    public float[] copy(float[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }
  }

  static final class BooleanArraySerializer extends StatelessSerializer<boolean[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(boolean[] value, DataOutputView out) throws IOException {
      Types.writeVarInt(value.length, out);
      for (boolean element : value) {
        out.writeBoolean(element);
      }
    }

    @Override
    public boolean[] deserialize(DataInputView in) throws IOException {
      boolean[] array = new boolean[Types.readLength(in)];
      for (int i = 0; i < array.length; i++) {
        array[i] = in.readBoolean();
      }
      return array;
    }

    @Override
    public boolean[] copy(boolean[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }
  }

  static final class CharArraySerializer extends StatelessSerializer<char[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(char[] value, DataOutputView out) throws IOException {
      Types.writeVarInt(value.length, out);
      for (char element : value) {
        out.writeChar(element);
      }
    }

    @Override
    public char[] deserialize(DataInputView in) throws IOException {
      char[] array = new char[Types.readLength(in)];
      for (int i = 0; i < array.length; i++) {
        array[i] = in.readChar();
      }
      return array;
    }

    @Override
    public char[] copy(char[] value) {
      return value.clone();
    }

    @Override
    public boolean isImmutableType() {
      return false;
    }
  }
}
