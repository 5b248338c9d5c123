package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.functions.ReduceFunction;
import io.millrace.runtime.aggregation.FieldAggregations;
import io.millrace.state.StateBackend;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sum/min/max/minBy/maxBy by field name and position, with Apache Flink's semantics: the
 * aggregating ones keep the other fields of the first element, the "By" ones return whole
 * elements (the first on ties); wrong fields fail when the job is built, naming type and field.
 */
class FieldAggregationTest {

  /** A record with a numeric component of each kind. */
  record Click(String user, int count, long bytes, double score) {}

  /** A POJO with a public field. */
  public static final class Reading {
    public String sensor;
    public Double value;
    public int seq;

    public Reading() {}

    Reading(String sensor, Double value, int seq) {
      this.sensor = sensor;
      this.value = value;
      this.seq = seq;
    }

    @Override
    public String toString() {
      return sensor + ":" + value + "#" + seq;
    }
  }

  /** A POJO with private fields, getters and setters. */
  public static final class Account {
    private String owner;
    private long balance;
    private short flags;

    public Account() {}

    Account(String owner, long balance, short flags) {
      this.owner = owner;
      this.balance = balance;
      this.flags = flags;
    }

    public String getOwner() {
      return owner;
    }

    public long getBalance() {
      return balance;
    }

    public void setBalance(long balance) {
      this.balance = balance;
    }

    public short getFlags() {
      return flags;
    }

    public void setFlags(short flags) {
      this.flags = flags;
    }
  }

  private static <T> List<T> rolling(ReduceFunction<T> reduce, List<T> input) throws Exception {
    List<T> out = new java.util.ArrayList<>();
    T acc = null;
    for (T t : input) {
      acc = acc == null ? t : reduce.reduce(acc, t);
      out.add(acc);
    }
    return out;
  }

  // ---------------------------------------------------------------- reduce functions

  @Test
  void sumOfARecordComponentKeepsTheOtherComponentsOfTheFirstElement() throws Exception {
    List<Click> clicks = List.of(new Click("ann", 1, 10, 0.5), new Click("bob", 2, 20, 1.5), new Click("cid", 3, 30, 2.5));
    assertThat(rolling(FieldAggregations.sum(Click.class, "count"), clicks)).containsExactly(
        new Click("ann", 1, 10, 0.5), new Click("ann", 3, 10, 0.5), new Click("ann", 6, 10, 0.5));
    assertThat(rolling(FieldAggregations.sum(Click.class, 2), clicks)).last().isEqualTo(new Click("ann", 1, 60, 0.5));
    assertThat(rolling(FieldAggregations.sum(null, "score"), clicks)).last().isEqualTo(new Click("ann", 1, 10, 4.5));
  }

  @Test
  void minAndMaxReplaceOnlyTheFieldWhileMinByAndMaxByReturnWholeElements() throws Exception {
    List<Click> clicks = List.of(new Click("ann", 5, 1, 0), new Click("bob", 2, 2, 0), new Click("cid", 9, 3, 0),
        new Click("dan", 2, 4, 0), new Click("eve", 9, 5, 0));
    assertThat(rolling(FieldAggregations.min(Click.class, "count"), clicks)).extracting(c -> c.user() + c.count())
        .containsExactly("ann5", "ann2", "ann2", "ann2", "ann2");
    assertThat(rolling(FieldAggregations.max(Click.class, "count"), clicks)).extracting(c -> c.user() + c.count())
        .containsExactly("ann5", "ann5", "ann9", "ann9", "ann9");
    assertThat(rolling(FieldAggregations.minBy(Click.class, "count"), clicks)).extracting(Click::user)
        .as("first element on ties").containsExactly("ann", "bob", "bob", "bob", "bob");
    assertThat(rolling(FieldAggregations.maxBy(Click.class, 1), clicks)).extracting(Click::user)
        .as("first element on ties").containsExactly("ann", "ann", "cid", "cid", "cid");
  }

  @Test
  void pojosAreCopiedNotMutated() throws Exception {
    Reading first = new Reading("s1", 1.5, 1);
    Reading second = new Reading("s2", 2.0, 2);
    Reading sum = FieldAggregations.sum(Reading.class, "value").reduce(first, second);
    assertThat(sum).isNotSameAs(first);
    assertThat(sum.toString()).isEqualTo("s1:3.5#1");
    assertThat(first.toString()).isEqualTo("s1:1.5#1");
    assertThat(FieldAggregations.maxBy(Reading.class, "seq").reduce(first, second)).isSameAs(second);

    Account a = new Account("ann", 100, (short) 1);
    Account b = new Account("bob", 50, (short) 2);
    Account total = FieldAggregations.sum(Account.class, "balance").reduce(a, b);
    assertThat(total.getOwner()).isEqualTo("ann");
    assertThat(total.getBalance()).isEqualTo(150);
    assertThat(FieldAggregations.sum(Account.class, "flags").reduce(a, b).getFlags()).isEqualTo((short) 3);
    assertThat(FieldAggregations.min(Account.class, "balance").reduce(a, b).getOwner()).isEqualTo("ann");
    assertThat(FieldAggregations.min(Account.class, "balance").reduce(a, b).getBalance()).isEqualTo(50);
    assertThat(a.getBalance()).isEqualTo(100);
  }

  @Test
  void arraysAndListsAggregateByPositionIntoCopies() throws Exception {
    Integer[] x = {1, 10};
    Integer[] y = {2, 20};
    assertThat(FieldAggregations.sum(Integer[].class, 1).reduce(x, y)).containsExactly(1, 30);
    assertThat(x).containsExactly(1, 10);
    long[] p = {5, 7};
    long[] q = {3, 9};
    assertThat(FieldAggregations.min(long[].class, 0).reduce(p, q)).containsExactly(3, 7);
    assertThat(FieldAggregations.maxBy(long[].class, 1).reduce(p, q)).isSameAs(q);
    List<Object> l1 = List.of("a", 4L);
    List<Object> l2 = List.of("b", 6L);
    assertThat(FieldAggregations.<List<Object>>sum(null, 1).reduce(l1, l2)).containsExactly("a", 10L);
    assertThat(FieldAggregations.<Integer>sum(Integer.class, 0).reduce(3, 4)).isEqualTo(7);
  }

  // ---------------------------------------------------------------- errors

  @Test
  void aMissingFieldFailsNamingTheTypeTheFieldAndTheFieldsThereAre() {
    assertThatThrownBy(() -> FieldAggregations.sum(Click.class, "clicks"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sum(\"clicks\"): Click has no field or getter 'clicks'; its fields are [user, count, bytes, score]");
    assertThatThrownBy(() -> FieldAggregations.max(Account.class, "amount"))
        .hasMessage("max(\"amount\"): Account has no field or getter 'amount'; its fields are [balance, flags, owner]");
    assertThatThrownBy(() -> FieldAggregations.minBy(Reading.class, "ts"))
        .hasMessageStartingWith("minBy(\"ts\"): Reading has no field or getter 'ts'; its fields are [");
  }

  @Test
  void aNonNumericFieldFailsNamingIt() {
    assertThatThrownBy(() -> FieldAggregations.sum(Click.class, "user"))
        .hasMessage("sum(\"user\"): Click.user is a String, not a number (Integer, Long, Short, Byte, Double or Float)");
    assertThatThrownBy(() -> FieldAggregations.sum(Reading.class, "sensor"))
        .hasMessageContaining("Reading.sensor is a String, not a number");
  }

  @Test
  void positionsAndNamesFailOnTheWrongKindOfType() {
    assertThatThrownBy(() -> FieldAggregations.sum(Reading.class, 1))
        .hasMessageStartingWith("sum(1): Reading is neither an array, a list nor a record");
    assertThatThrownBy(() -> FieldAggregations.sum(Integer[].class, "count"))
        .hasMessageStartingWith("sum(\"count\"): Integer[] is an array");
    assertThatThrownBy(() -> FieldAggregations.min(Click.class, 4))
        .hasMessageStartingWith("min(4): Click has 4 components (positions 0 to 3)");
    assertThatThrownBy(() -> FieldAggregations.max(Click.class, -1))
        .hasMessage("field position must not be negative, got -1 for max(-1)");
  }

  @Test
  void withoutATypeTheFieldIsCheckedAtTheFirstElement() {
    ReduceFunction<Click> lazy = FieldAggregations.sum(null, "clicks");
    assertThatThrownBy(() -> lazy.reduce(new Click("a", 1, 1, 1), new Click("b", 1, 1, 1)))
        .hasMessageStartingWith("sum(\"clicks\"): Click has no field or getter 'clicks'");
  }

  // ---------------------------------------------------------------- rolling on a keyed stream

  @ParameterizedTest(name = "on {0}")
  @MethodSource("io.millrace.api.StateBackendsUnderTest#all")
  void rollingAggregationsOnAKeyedStream(StateBackend backend) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2).setStateBackend(backend);
    List<Click> clicks = List.of(new Click("ann", 1, 10, 1), new Click("bob", 5, 20, 1),
        new Click("ann", 3, 30, 1), new Click("bob", 2, 40, 1), new Click("ann", 2, 50, 1));
    assertThat(env.fromCollection(clicks).keyBy(Click::user).sum("count").executeAndCollect(5))
        .containsExactlyInAnyOrder(new Click("ann", 1, 10, 1), new Click("ann", 4, 10, 1), new Click("ann", 6, 10, 1),
            new Click("bob", 5, 20, 1), new Click("bob", 7, 20, 1));
    assertThat(env.fromCollection(clicks).keyBy(Click::user).maxBy("count").executeAndCollect(5))
        .containsExactlyInAnyOrder(new Click("ann", 1, 10, 1), new Click("ann", 3, 30, 1), new Click("ann", 3, 30, 1),
            new Click("bob", 5, 20, 1), new Click("bob", 5, 20, 1));
    assertThat(env.fromCollection(clicks).keyBy(Click::user).min(2).executeAndCollect(5))
        .filteredOn(c -> c.user().equals("bob")).extracting(Click::bytes).containsExactlyInAnyOrder(20L, 20L);
  }

  @Test
  void aWrongFieldFailsWhenTheJobIsBuiltIfTheTypeIsKnown() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Click> clicks = env.fromElements(new Click("ann", 1, 10, 1)).map(c -> c).returns(Click.class);
    assertThatThrownBy(() -> clicks.keyBy(Click::user).sum("clicks"))
        .hasMessageStartingWith("sum(\"clicks\"): Click has no field or getter 'clicks'");
  }
}
