package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.state.AggregatingState;
import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.StateDescriptor;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.StateTtlConfig.StateVisibility;
import io.millrace.state.StateTtlConfig.UpdateType;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State TTL on every backend, for every update type × visibility, on a clock the test moves.
 * TTL is 10 ms: a value written at 0 is visible at 9 and expired at 10. Unless a test is about
 * background cleanup it disables it, so that only reads remove expired values.
 */
class TtlStateTest extends KeyedStateBackendTestBase {
  private static final Duration TTL = Duration.ofMillis(10);

  private KeyedStateBackend<String> backend;

  static Stream<Arguments> combinations() {
    List<Arguments> combinations = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      for (UpdateType update : UpdateType.values()) {
        for (StateVisibility visibility : StateVisibility.values()) {
          combinations.add(Arguments.of(backend, update, visibility));
        }
      }
    }
    return combinations.stream();
  }

  private static StateTtlConfig onAccessOnly(UpdateType update, StateVisibility visibility) {
    return StateTtlConfig.newBuilder(TTL)
        .setUpdateType(update)
        .setStateVisibility(visibility)
        .disableCleanupInBackground()
        .build();
  }

  private static <D extends StateDescriptor<?, ?>> D withTtl(D descriptor, StateTtlConfig ttl) {
    descriptor.enableTimeToLive(ttl);
    return descriptor;
  }

  /** What a read at expiry returns: the old value only if expired values are visible. */
  private static <T> T expiredRead(StateVisibility visibility, T value) {
    return visibility == StateVisibility.ReturnExpiredIfNotCleanedUp ? value : null;
  }

  // ---- value state ----

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void valueIsVisibleUntilTheTtlHasPassedSinceItWasWritten(Backend kind, UpdateType update, StateVisibility visibility)
      throws Exception {
    backend = open(kind);
    ValueState<String> state =
        backend.getOrCreateKeyedState(withTtl(new ValueStateDescriptor<>("v", String.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.update("A");

    clock.set(9);
    assertThat(state.value()).isEqualTo("A");

    clock.set(10);
    if (update == UpdateType.OnReadAndWrite) {
      assertThat(state.value()).as("refreshed by the read at 9").isEqualTo("A");
      clock.set(20);
    }
    assertThat(backend.numStateEntries()).isEqualTo(1);
    assertThat(state.value()).isEqualTo(expiredRead(visibility, "A"));
    assertThat(backend.numStateEntries()).as("the read removed the expired value").isZero();
    assertThat(state.value()).isNull();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void writingRefreshesTheValueAndReadingOnlyUnderOnReadAndWrite(Backend kind, UpdateType update, StateVisibility visibility)
      throws Exception {
    backend = open(kind);
    ValueState<String> state =
        backend.getOrCreateKeyedState(withTtl(new ValueStateDescriptor<>("v", String.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.update("A");
    clock.set(5);
    state.update("B");
    clock.set(14);
    assertThat(state.value()).as("written at 5").isEqualTo("B");

    clock.set(23);
    String expected = update == UpdateType.OnReadAndWrite ? "B" : expiredRead(visibility, "B");
    assertThat(state.value()).isEqualTo(expected);
    assertThat(backend.numStateEntries()).isEqualTo(update == UpdateType.OnReadAndWrite ? 1 : 0);
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void valueStateUpdateWithNullClearsAndWritingAfterExpiryStartsAfresh(Backend kind, UpdateType update, StateVisibility visibility)
      throws Exception {
    backend = open(kind);
    ValueState<String> state =
        backend.getOrCreateKeyedState(withTtl(new ValueStateDescriptor<>("v", String.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.update("A");
    state.update(null);
    assertThat(backend.numStateEntries()).isZero();

    state.update("A");
    clock.set(10);
    state.update("C");
    clock.set(19);
    assertThat(state.value()).isEqualTo("C");
  }

  // ---- list state ----

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void listElementsExpireIndividually(Backend kind, UpdateType update, StateVisibility visibility) throws Exception {
    backend = open(kind);
    ListState<String> state =
        backend.getOrCreateKeyedState(withTtl(new ListStateDescriptor<>("l", String.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.add("x");
    clock.set(5);
    state.addAll(List.of("y", "z"));

    clock.set(10);
    assertThat(list(state.get())).isEqualTo(
        visibility == StateVisibility.ReturnExpiredIfNotCleanedUp ? List.of("x", "y", "z") : List.of("y", "z"));
    assertThat(list(state.get())).as("x was removed by the read").containsExactly("y", "z");

    clock.set(15);
    if (update == UpdateType.OnReadAndWrite) {
      assertThat(list(state.get())).as("refreshed by the reads at 10").containsExactly("y", "z");
      clock.set(25);
    }
    assertThat(backend.numStateEntries()).isEqualTo(1);
    assertThat(list(state.get())).isEqualTo(
        visibility == StateVisibility.ReturnExpiredIfNotCleanedUp ? List.of("y", "z") : List.of());
    assertThat(backend.numStateEntries()).isZero();
    assertThat(list(state.get())).isEmpty();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void listUpdateStampsEveryElementWithTheCurrentTime(Backend kind, UpdateType update, StateVisibility visibility) throws Exception {
    backend = open(kind);
    ListState<String> state =
        backend.getOrCreateKeyedState(withTtl(new ListStateDescriptor<>("l", String.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.add("old");
    clock.set(8);
    state.update(List.of("p", "q"));
    clock.set(17);
    assertThat(list(state.get())).containsExactly("p", "q");
  }

  // ---- map state ----

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void mapEntriesExpireIndividually(Backend kind, UpdateType update, StateVisibility visibility) throws Exception {
    backend = open(kind);
    MapState<String, Integer> state =
        backend.getOrCreateKeyedState(
            withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.put("one", 1);
    clock.set(5);
    state.put("two", 2);

    clock.set(10);
    assertThat(state.get("one")).isEqualTo(expiredRead(visibility, 1));
    assertThat(state.contains("one")).isFalse();
    assertThat(state.get("two")).isEqualTo(2);

    clock.set(15);
    if (update == UpdateType.OnReadAndWrite) {
      assertThat(state.contains("two")).as("refreshed by the read at 10").isTrue();
      clock.set(25);
    }
    List<String> keys = new ArrayList<>();
    state.keys().forEach(keys::add);
    assertThat(keys).isEqualTo(
        visibility == StateVisibility.ReturnExpiredIfNotCleanedUp ? List.of("two") : List.of());
    assertThat(state.isEmpty()).isTrue();
    assertThat(backend.numStateEntries()).isZero();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void mapIterationSkipsExpiredEntriesAndRemovesThem(Backend kind, UpdateType update, StateVisibility visibility) throws Exception {
    backend = open(kind);
    MapState<String, Integer> state =
        backend.getOrCreateKeyedState(
            withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.putAll(Map.of("one", 1, "two", 2));
    clock.set(6);
    state.put("three", 3);

    clock.set(12);
    List<Map.Entry<String, Integer>> entries = new ArrayList<>();
    state.entries().forEach(entries::add);
    if (visibility == StateVisibility.ReturnExpiredIfNotCleanedUp) {
      assertThat(entries).containsExactlyInAnyOrder(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3));
    } else {
      assertThat(entries).containsExactly(Map.entry("three", 3));
    }
    List<Integer> values = new ArrayList<>();
    state.values().forEach(values::add);
    assertThat(values).containsExactly(3);

    var iterator = state.keys().iterator();
    assertThat(iterator.next()).isEqualTo("three");
    iterator.remove();
    assertThat(backend.numStateEntries()).isZero();
  }

  // ---- reducing and aggregating state ----

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void reducedValueIsRefreshedByAddsAndExpiresAsAWhole(Backend kind, UpdateType update, StateVisibility visibility) throws Exception {
    backend = open(kind);
    ReducingState<Long> state =
        backend.getOrCreateKeyedState(
            withTtl(new ReducingStateDescriptor<>("r", Long::sum, Long.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.add(1L);
    clock.set(5);
    state.add(2L);

    clock.set(14);
    assertThat(state.get()).isEqualTo(3L);
    clock.set(15);
    if (update == UpdateType.OnReadAndWrite) {
      assertThat(state.get()).as("refreshed by the read at 14").isEqualTo(3L);
      clock.set(25);
    }
    assertThat(state.get()).isEqualTo(expiredRead(visibility, 3L));
    assertThat(backend.numStateEntries()).isZero();
    assertThat(state.get()).isNull();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void addingToAnExpiredReducedValueStartsAfresh(Backend kind, UpdateType update, StateVisibility visibility) throws Exception {
    backend = open(kind);
    ReducingState<Long> state =
        backend.getOrCreateKeyedState(
            withTtl(new ReducingStateDescriptor<>("r", Long::sum, Long.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.add(1L);
    clock.set(10);
    state.add(5L);
    clock.set(19);
    assertThat(state.get()).isEqualTo(5L);
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void aggregateExpiresAsAWholeAndRestartsWithANewAccumulator(Backend kind, UpdateType update, StateVisibility visibility)
      throws Exception {
    backend = open(kind);
    AggregatingState<Long, String> state =
        backend.getOrCreateKeyedState(
            withTtl(new AggregatingStateDescriptor<>("g", new SumAndCount(), long[].class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.add(4L);
    clock.set(5);
    state.add(6L);

    clock.set(14);
    assertThat(state.get()).isEqualTo("10/2");
    clock.set(15);
    if (update == UpdateType.OnReadAndWrite) {
      assertThat(state.get()).as("refreshed by the read at 14").isEqualTo("10/2");
      clock.set(25);
    }
    assertThat(state.get()).isEqualTo(expiredRead(visibility, "10/2"));
    assertThat(backend.numStateEntries()).isZero();

    state.add(7L);
    clock.addAndGet(10);
    state.add(1L);
    assertThat(state.get()).as("the accumulator had expired before the second add").isEqualTo("1/1");
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void nullMapValuesExpireLikeOthers(Backend kind, UpdateType update, StateVisibility visibility) throws Exception {
    backend = open(kind);
    MapState<String, Integer> state =
        backend.getOrCreateKeyedState(
            withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), onAccessOnly(update, visibility)));
    backend.setCurrentKey("a");
    state.put("n", null);

    clock.set(9);
    assertThat(state.contains("n")).isTrue();
    assertThat(state.get("n")).isNull();
    clock.set(update == UpdateType.OnReadAndWrite ? 19 : 10);
    assertThat(state.contains("n")).isEqualTo(visibility == StateVisibility.ReturnExpiredIfNotCleanedUp);
    assertThat(state.contains("n")).isFalse();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void mergingNamespacesSkipsExpiredReducedValues(Backend kind, UpdateType update, StateVisibility visibility)
      throws Exception {
    backend = open(kind);
    ReducingState<Long> state =
        backend.getOrCreateKeyedState(
            STRING_NAMESPACES,
            withTtl(new ReducingStateDescriptor<>("r", Long::sum, Long.class), onAccessOnly(update, visibility)));
    InternalMergingState<Object> internal = merging(state);
    backend.setCurrentKey("a");
    internal.setCurrentNamespace("w1");
    state.add(1L);
    clock.set(5);
    internal.setCurrentNamespace("w2");
    state.add(2L);
    internal.setCurrentNamespace("w3");
    state.add(4L);

    clock.set(10);
    internal.mergeNamespaces("w3", List.of("w1", "w2"));

    assertThat(state.get()).as("w1 had expired").isEqualTo(6L);
    assertThat(backend.numStateEntries()).isEqualTo(1);
    clock.set(19);
    assertThat(state.get()).as("the merge stamped the result").isEqualTo(6L);
  }

  // ---- cleanup ----

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void incrementalCleanupRemovesExpiredEntriesOfOtherKeysOnEachAccess(Backend kind, UpdateType update, StateVisibility visibility)
      throws Exception {
    backend = open(kind);
    StateTtlConfig ttl = StateTtlConfig.newBuilder(TTL)
        .setUpdateType(update)
        .setStateVisibility(visibility)
        .cleanupIncrementally(2, false)
        .build();
    ValueState<String> state = backend.getOrCreateKeyedState(withTtl(new ValueStateDescriptor<>("v", String.class), ttl));
    for (String key : List.of("a", "b", "c", "d", "e")) {
      backend.setCurrentKey(key);
      state.update(key);
    }
    clock.set(10);
    backend.setCurrentKey("nobody");
    assertThat(backend.numStateEntries()).as("setting a key is no state access").isEqualTo(5);

    state.value();
    assertThat(backend.numStateEntries()).as("at most 2 entries checked per access").isBetween(3, 5);
    for (int i = 0; i < 10; i++) {
      state.value();
    }
    assertThat(backend.numStateEntries()).isZero();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("combinations")
  void cleanupForEveryRecordRunsWhenTheKeyIsSetWithoutAnyAccess(Backend kind, UpdateType update, StateVisibility visibility)
      throws Exception {
    backend = open(kind);
    StateTtlConfig ttl = StateTtlConfig.newBuilder(TTL)
        .setUpdateType(update)
        .setStateVisibility(visibility)
        .cleanupIncrementally(1, true)
        .build();
    ListState<String> state = backend.getOrCreateKeyedState(withTtl(new ListStateDescriptor<>("l", String.class), ttl));
    for (String key : List.of("a", "b", "c")) {
      backend.setCurrentKey(key);
      state.add(key);
    }
    clock.set(10);
    backend.setCurrentKey("nobody");
    assertThat(backend.numStateEntries()).as("at most one entry checked per record").isBetween(2, 3);
    for (int i = 0; i < 12; i++) {
      backend.setCurrentKey("nobody");
    }
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void incrementalCleanupRemovesOnlyTheExpiredElementsOfAList(Backend kind) throws Exception {
    backend = open(kind);
    StateTtlConfig ttl = StateTtlConfig.newBuilder(TTL).cleanupIncrementally(10, true).build();
    ListState<String> state = backend.getOrCreateKeyedState(withTtl(new ListStateDescriptor<>("l", String.class), ttl));
    backend.setCurrentKey("a");
    state.add("early");
    clock.set(5);
    state.add("late");
    clock.set(10);
    backend.setCurrentKey("b");
    assertThat(backend.numStateEntries()).isEqualTo(1);
    clock.set(15);
    backend.setCurrentKey("b");
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void backgroundCleanupIsOnByDefaultSoAnExpiredValueMayBeGoneBeforeItIsRead(Backend kind) throws Exception {
    backend = open(kind);
    StateTtlConfig ttl = StateTtlConfig.newBuilder(TTL)
        .setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp)
        .build();
    ValueState<String> state = backend.getOrCreateKeyedState(withTtl(new ValueStateDescriptor<>("v", String.class), ttl));
    backend.setCurrentKey("a");
    state.update("A");
    clock.set(10);

    assertThat(state.value()).as("cleaned by the access's incremental cleanup first").isNull();
    assertThat(backend.numStateEntries()).isZero();
  }

  @OnEveryBackend
  void windowNamespacesOfAStateWithTtlExpireToo(Backend kind) throws Exception {
    backend = open(kind);
    ListState<String> state =
        backend.getOrCreateKeyedState(
            STRING_NAMESPACES,
            withTtl(new ListStateDescriptor<>("l", String.class),
                onAccessOnly(UpdateType.OnCreateAndWrite, StateVisibility.NeverReturnExpired)));
    InternalMergingState<Object> internal = merging(state);
    backend.setCurrentKey("a");
    internal.setCurrentNamespace("w1");
    state.add("x");
    clock.set(5);
    internal.setCurrentNamespace("w2");
    state.add("y");
    clock.set(10);
    internal.mergeNamespaces("w2", List.of("w1"));
    assertThat(list(state.get())).containsExactly("y");
    assertThat(backend.numStateEntries()).isEqualTo(1);
  }

  /** Sum and count of longs, shown as "sum/count". */
  private static final class SumAndCount implements AggregateFunction<Long, long[], String> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] accumulator) {
      return new long[] {accumulator[0] + value, accumulator[1] + 1};
    }

    @Override
    public String getResult(long[] accumulator) {
      return accumulator[0] + "/" + accumulator[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }
}
