package io.millrace.state.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every built-in serializer reads back what it wrote, on generated values (seed in the message). */
class TypeSerializerRoundTripTest {
  private static final long SEED = 0x5EEDL;

  enum Color {
    RED,
    GREEN,
    BLUE {
      @Override
      public String toString() {
        return "blue";
      }
    }
  }

  record Point(int x, long y, String label, List<Double> weights) {}

  record Line(Point from, Point to, Color color, Map<String, Set<Integer>> tags) {}

  /** A POJO with a public field and a getter/setter field. */
  public static class Account {
    public String owner;
    private long balance;
    private List<Point> history = new ArrayList<>();

    public Account() {}

    public long getBalance() {
      return balance;
    }

    public void setBalance(long balance) {
      this.balance = balance;
    }

    public List<Point> getHistory() {
      return history;
    }

    public void setHistory(List<Point> history) {
      this.history = history;
    }
  }

  record Node(String name, List<Node> children) {}

  static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(8);
    serializer.serialize(value, out);
    out.writeInt(0xCAFE); // the serializer must read exactly its own bytes
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T read = serializer.deserialize(in);
    assertThat(in.readInt()).isEqualTo(0xCAFE);
    assertThat(in.available()).isZero();
    return read;
  }

  static <T> void checkGenerated(TypeSerializer<T> serializer, Function<Random, T> generator)
      throws IOException {
    Random random = new Random(SEED);
    for (int i = 0; i < 300; i++) {
      T value = generator.apply(random);
      assertThat(roundTrip(serializer, value))
          .as("seed %s, value #%s: %s", SEED, i, value)
          .usingRecursiveComparison()
          .withEqualsForType(Double::equals, Double.class)
          .withEqualsForType(Float::equals, Float.class)
          .isEqualTo(value);
    }
  }

  static String unicode(Random random) {
    int length = random.nextInt(4) == 0 ? random.nextInt(2000) : random.nextInt(12);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      int cp =
          switch (kind) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0x80 + random.nextInt(0x780);
            case 2 -> 0x800 + random.nextInt(0xD000 - 0x800);
            default -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
          };
      s.appendCodePoint(cp);
    }
    return s.toString();
  }

  static long extremeLong(Random random) {
    long[] extremes = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE};
    return random.nextBoolean() ? extremes[random.nextInt(extremes.length)] : random.nextLong();
  }

  @Test
  void boxedPrimitivesRoundTripIncludingExtremes() throws IOException {
    checkGenerated(TypeSerializers.forClass(Long.class), TypeSerializerRoundTripTest::extremeLong);
    checkGenerated(TypeSerializers.forClass(Integer.class), r -> (int) extremeLong(r));
    checkGenerated(TypeSerializers.forClass(Short.class), r -> (short) extremeLong(r));
    checkGenerated(TypeSerializers.forClass(Byte.class), r -> (byte) extremeLong(r));
    checkGenerated(TypeSerializers.forClass(Character.class), r -> (char) extremeLong(r));
    checkGenerated(TypeSerializers.forClass(Boolean.class), Random::nextBoolean);
    double[] doubles = {Double.NaN, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE, -0.0};
    checkGenerated(
        TypeSerializers.forClass(Double.class),
        r -> r.nextBoolean() ? doubles[r.nextInt(doubles.length)] : r.nextGaussian() * 1e12);
    checkGenerated(TypeSerializers.forClass(Float.class), r -> r.nextBoolean() ? Float.NaN : -r.nextFloat());
    checkGenerated(TypeSerializers.forClass(int.class), Random::nextInt);
  }

  @Test
  void stringsRoundTripAsUtf8IncludingUnicodeAndLongStrings() throws IOException {
    checkGenerated(TypeSerializers.forClass(String.class), TypeSerializerRoundTripTest::unicode);
    DataOutputSerializer out = new DataOutputSerializer(4);
    TypeSerializers.forClass(String.class).serialize("é", out);
    assertThat(out.getCopyOfBuffer()).containsExactly(2, 0xC3, 0xA9);
  }

  @Test
  void stringsRoundTripThroughJavaIoStreams() throws IOException {
    TypeSerializer<String> s = TypeSerializers.forClass(String.class);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    s.serialize("héllo \uD83D\uDE00", new DataOutputViewStreamWrapper(bytes));
    assertThat(s.deserialize(new DataInputViewStreamWrapper(new java.io.ByteArrayInputStream(bytes.toByteArray()))))
        .isEqualTo("héllo \uD83D\uDE00");
  }

  @Test
  void primitiveArraysRoundTripIncludingEmptyAndLarge() throws IOException {
    checkGenerated(
        TypeSerializers.forClass(byte[].class),
        r -> {
          byte[] a = new byte[r.nextInt(3) == 0 ? 5000 : r.nextInt(5)];
          r.nextBytes(a);
          return a;
        });
    checkGenerated(TypeSerializers.forClass(int[].class), r -> r.ints(r.nextInt(50)).toArray());
    checkGenerated(TypeSerializers.forClass(long[].class), r -> r.longs(r.nextInt(50)).toArray());
    checkGenerated(TypeSerializers.forClass(double[].class), r -> r.doubles(r.nextInt(50)).toArray());
    checkGenerated(TypeSerializers.forClass(short[].class), r -> new short[] {(short) r.nextInt(), Short.MIN_VALUE});
    checkGenerated(TypeSerializers.forClass(float[].class), r -> new float[] {r.nextFloat(), -1f});
    checkGenerated(TypeSerializers.forClass(boolean[].class), r -> new boolean[] {r.nextBoolean(), true});
    checkGenerated(TypeSerializers.forClass(char[].class), r -> unicode(r).toCharArray());
  }

  @Test
  void enumsObjectArraysAndNullableRoundTrip() throws IOException {
    checkGenerated(TypeSerializers.forClass(Color.class), r -> Color.values()[r.nextInt(3)]);
    assertThat(roundTrip(TypeSerializers.generic(), (Object) Color.BLUE)).isSameAs(Color.BLUE);
    checkGenerated(
        TypeSerializers.forClass(String[].class),
        r -> new String[] {unicode(r), null, r.nextBoolean() ? null : "x"});
    checkGenerated(TypeSerializers.forClass(int[][].class), r -> new int[][] {{r.nextInt()}, {}, null});
    checkGenerated(
        TypeSerializers.nullable(TypeSerializers.forClass(Long.class)),
        r -> r.nextBoolean() ? null : r.nextLong());
  }

  @Test
  void collectionsRoundTripIncludingEmptyLargeAndNullElements() throws IOException {
    TypeSerializer<List<Long>> list = TypeSerializers.listOf(TypeSerializers.nullable(TypeSerializers.forClass(Long.class)));
    checkGenerated(
        list,
        r -> {
          List<Long> l = new ArrayList<>();
          int n = r.nextInt(5) == 0 ? 10_000 : r.nextInt(4);
          for (int i = 0; i < n; i++) {
            l.add(r.nextInt(10) == 0 ? null : r.nextLong());
          }
          return l;
        });
    TypeSerializer<Map<String, Integer>> map =
        TypeSerializers.mapOf(TypeSerializers.forClass(String.class), TypeSerializers.forClass(Integer.class));
    checkGenerated(
        map,
        r -> {
          Map<String, Integer> m = new HashMap<>();
          for (int i = r.nextInt(20); i > 0; i--) {
            m.put(unicode(r), r.nextInt());
          }
          return m;
        });
    TypeSerializer<Set<String>> set = TypeSerializers.setOf(TypeSerializers.forClass(String.class));
    checkGenerated(set, r -> new LinkedHashSet<>(List.of(unicode(r) + "a", unicode(r) + "b")));
    // raw collection classes fall back to the generic element serializer
    TypeSerializer<List<?>> raw = TypeSerializers.forClass(Types.<Class<List<?>>>cast(List.class));
    assertThat(roundTrip(raw, List.of(1L, "two", Color.RED, List.of(3))))
        .isEqualTo(List.of(1L, "two", Color.RED, List.of(3)));
  }

  @Test
  void recordsAndNestedRecordsRoundTrip() throws IOException {
    TypeSerializer<Line> serializer = TypeSerializers.forClass(Line.class);
    checkGenerated(
        serializer,
        r ->
            new Line(
                point(r),
                r.nextBoolean() ? null : point(r),
                r.nextBoolean() ? null : Color.values()[r.nextInt(3)],
                Map.of(unicode(r), Set.of(r.nextInt()))));
    assertThat(TypeSerializers.forClass(Line.class)).as("derived once per class").isSameAs(serializer);
  }

  @Test
  void recursiveRecordsRoundTrip() throws IOException {
    Node tree = new Node("root", List.of(new Node("a", List.of()), new Node("b", List.of(new Node("c", List.of())))));
    assertThat(roundTrip(TypeSerializers.forClass(Node.class), tree)).isEqualTo(tree);
  }

  static Point point(Random r) {
    List<Double> weights = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      weights.add(r.nextInt(5) == 0 ? null : r.nextDouble());
    }
    return new Point(r.nextInt(), extremeLong(r), r.nextBoolean() ? null : unicode(r), weights);
  }

  @Test
  void pojosRoundTripWithNestedRecords() throws IOException {
    TypeSerializer<Account> serializer = TypeSerializers.forClass(Account.class);
    checkGenerated(
        serializer,
        r -> {
          Account a = new Account();
          a.owner = r.nextBoolean() ? null : unicode(r);
          a.setBalance(extremeLong(r));
          a.setHistory(List.of(point(r), point(r)));
          return a;
        });
  }

  @Test
  void copyOfMutableValuesSharesNothing() {
    Account account = new Account();
    account.owner = "ann";
    account.setHistory(new ArrayList<>(List.of(new Point(1, 2, "p", new ArrayList<>(List.of(1.0))))));
    Account copy = TypeSerializers.forClass(Account.class).copy(account);
    assertThat(copy).isNotSameAs(account).usingRecursiveComparison().isEqualTo(account);
    account.getHistory().get(0).weights().add(2.0);
    account.getHistory().clear();
    assertThat(copy.getHistory()).hasSize(1);
    assertThat(copy.getHistory().get(0).weights()).containsExactly(1.0);

    int[] ints = {1, 2};
    int[] intsCopy = TypeSerializers.forClass(int[].class).copy(ints);
    ints[0] = 9;
    assertThat(intsCopy).containsExactly(1, 2);

    Map<String, Integer> map = new HashMap<>(Map.of("a", 1));
    Map<String, Integer> mapCopy =
        TypeSerializers.mapOf(TypeSerializers.forClass(String.class), TypeSerializers.forClass(Integer.class)).copy(map);
    map.put("b", 2);
    assertThat(mapCopy).containsOnlyKeys("a");
  }

  @Test
  void immutableTypesAreNotCopied() {
    record Money(long cents, String currency) {}
    Money m = new Money(1, "EUR");
    TypeSerializer<Money> s = TypeSerializers.forClass(Money.class);
    assertThat(s.isImmutableType()).isTrue();
    assertThat(s.copy(m)).isSameAs(m);
    assertThat(TypeSerializers.forClass(String.class).copy("x")).isSameAs("x");
    assertThat(TypeSerializers.forClass(Point.class).isImmutableType()).as("holds a list").isFalse();
  }
}
