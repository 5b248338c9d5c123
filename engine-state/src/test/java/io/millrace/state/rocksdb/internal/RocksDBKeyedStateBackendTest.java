package io.millrace.state.rocksdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.ttl.TtlValueState;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import io.millrace.state.serialization.TypeSerializers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.AbstractImmutableNativeReference;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WriteBufferManager;

/** The RocksDB backend's lifecycle, configuration, errors and TTL sweep. */
class RocksDBKeyedStateBackendTest {

  @TempDir Path localDirectory;
  private final AtomicLong clock = new AtomicLong();
  private final List<RocksDBKeyedStateBackend<?>> opened = new ArrayList<>();

  private EmbeddedRocksDBStateBackend config() {
    return new EmbeddedRocksDBStateBackend().setLocalDirectory(localDirectory);
  }

  private <K> RocksDBKeyedStateBackend<K> open(
      EmbeddedRocksDBStateBackend config, Consumer<AutoCloseable> onOpen) {
    RocksDBKeyedStateBackend<K> backend =
        new RocksDBKeyedStateBackend<>(
            config, new KeyGroupRange(0, 127), 128, "count@1 (Clicks)", clock::get, onOpen);
    opened.add(backend);
    return backend;
  }

  private <K> RocksDBKeyedStateBackend<K> open() {
    return open(config(), resource -> {});
  }

  @AfterEach
  void close() {
    opened.forEach(RocksDBKeyedStateBackend::close);
  }

  private List<Path> databaseDirectories() throws IOException {
    try (Stream<Path> children = Files.list(localDirectory)) {
      return children.filter(p -> p.getFileName().toString().startsWith("millrace-rocksdb-")).toList();
    }
  }

  private static boolean isOpen(AutoCloseable resource) {
    return ((AbstractImmutableNativeReference) resource).isOwningHandle();
  }

  // ---- lifecycle ----

  @Test
  void theDatabaseLivesInAFreshDirectoryThatCloseDeletes() throws Exception {
    RocksDBKeyedStateBackend<String> first = open();
    RocksDBKeyedStateBackend<String> second = open();

    assertThat(databaseDirectories())
        .containsExactlyInAnyOrder(first.directory(), second.directory());
    first.close();
    assertThat(databaseDirectories()).containsExactly(second.directory());
  }

  @Test
  void aMissingLocalDirectoryIsCreated() throws Exception {
    Path nested = localDirectory.resolve("not/yet/there");
    RocksDBKeyedStateBackend<String> backend =
        open(new EmbeddedRocksDBStateBackend().setLocalDirectory(nested), resource -> {});

    assertThat(backend.directory().getParent()).isEqualTo(nested);
    assertThat(Files.isDirectory(backend.directory())).isTrue();
  }

  @Test
  void closeReleasesEveryNativeObjectInReverseOrderAndIsIdempotent() throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    RocksDBKeyedStateBackend<String> backend = open(config(), resources::add);
    ValueState<Long> count = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
    ValueStateDescriptor<Long> expiring = new ValueStateDescriptor<>("expiring", Long.class);
    expiring.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).build());
    ValueState<Long> withTtl = backend.getOrCreateKeyedState(expiring);
    backend.setCurrentKey("a");
    count.update(1L);
    withTtl.update(2L);
    withTtl.value(); // opens the cleanup cursor
    Path directory = backend.directory();
    assertThat(resources).allMatch(RocksDBKeyedStateBackendTest::isOpen);
    assertThat(resources).filteredOn(ColumnFamilyHandle.class::isInstance).hasSize(3);
    assertThat(resources).filteredOn(RocksDB.class::isInstance).hasSize(1);

    backend.close();
    backend.close();

    assertThat(resources).noneMatch(RocksDBKeyedStateBackendTest::isOpen);
    assertThat(directory).doesNotExist();
    assertThatThrownBy(count::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count' is used after the keyed state backend of count@1 (Clicks) was closed");
    assertThatThrownBy(withTtl::value).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailureWhileOpeningClosesWhatWasOpenedAndDeletesTheDirectory() throws Exception {
    List<AutoCloseable> all = new ArrayList<>();
    open(config(), all::add).close();
    int steps = all.size();
    assertThat(steps).isGreaterThanOrEqualTo(8);

    for (int failAt = 0; failAt < steps; failAt++) {
      List<AutoCloseable> resources = new ArrayList<>();
      int step = failAt;
      Consumer<AutoCloseable> failing =
          resource -> {
            resources.add(resource);
            if (resources.size() == step + 1) {
              throw new IllegalStateException("injected at step " + step);
            }
          };

      assertThatThrownBy(() -> open(config(), failing))
          .as("step %s", step)
          .hasMessage("injected at step " + step);
      assertThat(resources).as("step %s", step).hasSize(step + 1).noneMatch(RocksDBKeyedStateBackendTest::isOpen);
      assertThat(databaseDirectories()).as("step %s", step).isEmpty();
    }
  }

  // ---- local directory ----

  @Test
  void aLocalDirectoryThatIsAFileIsRejectedWithTheFix() throws Exception {
    Path file = Files.createFile(localDirectory.resolve("a-file"));

    assertThatThrownBy(
            () -> open(new EmbeddedRocksDBStateBackend().setLocalDirectory(file), resource -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the RocksDB local directory " + file + " of count@1 (Clicks)")
        .hasMessageContaining("cannot be created")
        .hasMessageContaining("EmbeddedRocksDBStateBackend.setLocalDirectory(...)");
  }

  @Test
  void aLocalDirectoryThatIsNotWritableIsRejectedWithTheFix() throws Exception {
    Path readOnly = Files.createDirectory(localDirectory.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(readOnly), "permissions do not apply (running as root)");

      assertThatThrownBy(
              () -> open(new EmbeddedRocksDBStateBackend().setLocalDirectory(readOnly), resource -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the RocksDB local directory " + readOnly + " of count@1 (Clicks) is not writable")
          .hasMessageContaining("EmbeddedRocksDBStateBackend.setLocalDirectory(...)");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  // ---- memory ----

  @Test
  void aMemoryBudgetChargesTheWriteBuffersToTheBlockCache() throws Exception {
    List<AutoCloseable> budgeted = new ArrayList<>();
    List<AutoCloseable> separate = new ArrayList<>();
    RocksDBKeyedStateBackend<String> withBudget = open(config().setMemoryPerSlot(64L << 20), budgeted::add);
    RocksDBKeyedStateBackend<String> withSizes =
        open(config().setMemoryPerSlot(0).setBlockCacheSize(1L << 20).setWriteBufferSize(1L << 20), separate::add);

    assertThat(budgeted).filteredOn(WriteBufferManager.class::isInstance).hasSize(1);
    assertThat(separate).filteredOn(WriteBufferManager.class::isInstance).isEmpty();
    for (RocksDBKeyedStateBackend<String> backend : List.of(withBudget, withSizes)) {
      ValueState<String> a = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("a", String.class));
      ValueState<String> b = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("b", String.class));
      for (int i = 0; i < 20_000; i++) {
        backend.setCurrentKey("key-" + i);
        a.update("a" + i);
        b.update("b" + i);
      }
      backend.setCurrentKey("key-17");
      assertThat(a.value() + b.value()).isEqualTo("a17b17");
    }
  }

  @Test
  void aMemoryBudgetMustLeaveOneMebibytePerState() {
    RocksDBKeyedStateBackend<String> backend = open(config().setMemoryPerSlot(2L << 20), resource -> {});
    backend.getOrCreateKeyedState(new ValueStateDescriptor<>("one", String.class));
    backend.getOrCreateKeyedState(new ValueStateDescriptor<>("two", String.class));

    assertThatThrownBy(() -> backend.getOrCreateKeyedState(new ValueStateDescriptor<>("three", String.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'three' of count@1 (Clicks) would be state number 3")
        .hasMessageContaining("at least 1 MiB per state")
        .hasMessageContaining("EmbeddedRocksDBStateBackend.setMemoryPerSlot(...)");
  }

  @Test
  void writesSkipTheWriteAheadLogAndTheInfoLogKeepsOnlyItsHeader() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open();
    ValueState<String> value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", String.class));
    for (int i = 0; i < 10_000; i++) {
      backend.setCurrentKey("key-" + i);
      value.update("value-" + i);
    }

    List<Path> files;
    try (Stream<Path> children = Files.list(backend.directory())) {
      files = children.toList();
    }
    List<Path> writeAheadLogs = files.stream().filter(p -> p.toString().endsWith(".log")).toList();
    assertThat(writeAheadLogs).isNotEmpty();
    for (Path log : writeAheadLogs) {
      assertThat(Files.size(log)).as("%s", log).isZero();
    }
    Path infoLog = backend.directory().resolve("LOG");
    assertThat(Files.size(infoLog)).isLessThan(64 << 10);
    assertThat(Files.readString(infoLog)).doesNotContain("DUMPING STATS");
  }

  // ---- keys and namespaces ----

  @Test
  void aKeyOfAnotherClassIsRejectedNamingBothClasses() {
    RocksDBKeyedStateBackend<Object> backend = open();
    backend.setCurrentKey("a");

    assertThatThrownBy(() -> backend.setCurrentKey(42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key 42 of count@1 (Clicks) is a java.lang.Integer")
        .hasMessageContaining("earlier keys were java.lang.String")
        .hasMessageContaining("make the key selector of keyBy(...) return one type");
    assertThat(backend.getCurrentKey()).isEqualTo("a");
  }

  /** Constants with bodies are anonymous subclasses of their enum. */
  enum Tier {
    FREE {
      @Override
      int limit() {
        return 1;
      }
    },
    PAID {
      @Override
      int limit() {
        return 100;
      }
    };

    abstract int limit();
  }

  @Test
  void enumConstantsWithBodiesAreKeysOfTheirEnum() throws Exception {
    RocksDBKeyedStateBackend<Tier> backend = open();
    ValueState<Integer> value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Integer.class));
    for (Tier tier : Tier.values()) {
      backend.setCurrentKey(tier);
      value.update(tier.limit());
    }

    backend.setCurrentKey(Tier.FREE);
    assertThat(value.value()).isEqualTo(1);
    assertThat(backend.getKeys("v", VoidNamespace.INSTANCE)).containsExactlyInAnyOrder(Tier.FREE, Tier.PAID);
  }

  @Test
  void aNamespaceTheStatesSerializerCannotWriteIsRejectedWithTheFix() {
    RocksDBKeyedStateBackend<String> backend = open();
    ValueState<Long> count = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
    backend.setCurrentKey("a");
    @SuppressWarnings("unchecked") // RocksDB handles implement InternalKvState<Object>
    io.millrace.state.internal.InternalKvState<Object> namespaces =
        (io.millrace.state.internal.InternalKvState<Object>) count;
    namespaces.setCurrentNamespace("window-1");

    assertThatThrownBy(count::value)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace window-1 (java.lang.String) of state 'count'")
        .hasMessageContaining("getOrCreateKeyedState(namespaceSerializer, descriptor)");
  }

  @Test
  void aStateNameReusedWithAnotherKindOrTypeIsRejectedAndTheStateKeepsWorking() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open();
    ValueState<Long> count = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
    backend.setCurrentKey("a");
    count.update(7L);

    assertThatThrownBy(
            () -> backend.getOrCreateKeyedState(new MapStateDescriptor<>("count", String.class, Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count' of count@1 (Clicks) was registered as VALUE state")
        .hasMessageContaining("requested as MAP state");
    assertThatThrownBy(() -> backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", String.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registered with values written by");
    assertThat(count.value()).isEqualTo(7L);
    assertThat(backend.getOrCreateKeyedState(new ListStateDescriptor<>("other", Long.class))).isNotNull();
  }

  @Test
  void aDescriptorWithoutSerializerForItsTypeLeavesNoColumnFamilyBehind() {
    RocksDBKeyedStateBackend<String> backend = open();
    ValueStateDescriptor<Thread> unserializable = new ValueStateDescriptor<>("threads", Thread.class);

    assertThatThrownBy(() -> backend.getOrCreateKeyedState(unserializable))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no serializer for java.lang.Thread");
    assertThat(backend.getOrCreateKeyedState(new ValueStateDescriptor<>("threads", String.class))).isNotNull();
  }

  // ---- errors ----

  @Test
  void rocksDbFailuresNameTheOperatorTheStateTheDirectoryAndTheStatus() {
    RocksDBKeyedStateBackend<String> backend = open();
    RocksDBException diskFull =
        new RocksDBException(
            "IO error: No space left on device",
            new Status(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device"));

    IllegalStateException failure = backend.db.failure("write", "count", diskFull);

    assertThat(failure)
        .hasMessage("RocksDB could not write state 'count' of count@1 (Clicks) in "
            + backend.directory() + ": IOError(NoSpace): IO error: No space left on device")
        .hasCause(diskFull);
  }

  @Test
  void aNativeLibraryThatCannotLoadNamesTheCauseAndBothFixes() {
    UnsatisfiedLinkError cause = new UnsatisfiedLinkError("librocksdbjni-linux64.so: cannot open");

    IllegalStateException failure = RocksDBInstance.nativeLibraryError("count@1 (Clicks)", cause);

    assertThat(failure)
        .hasCause(cause)
        .hasMessageContaining("cannot use the RocksDB state backend for count@1 (Clicks)")
        .hasMessageContaining("librocksdbjni-linux64.so: cannot open")
        .hasMessageContaining("use HashMapStateBackend")
        .hasMessageContaining("a platform rocksdbjni supports");
  }

  // ---- TTL ----

  @Test
  void statesWithoutTtlAreTheRocksDBHandlesThemselves() {
    RocksDBKeyedStateBackend<String> backend = open();
    ValueStateDescriptor<String> withTtl = new ValueStateDescriptor<>("ttl", String.class);
    withTtl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build());

    assertThat((Object) backend.getOrCreateKeyedState(new ValueStateDescriptor<>("plain", String.class)))
        .isInstanceOf(RocksDBValueState.class);
    assertThat((Object) backend.getOrCreateKeyedState(withTtl)).isInstanceOf(TtlValueState.class);
  }

  private ValueState<String> expiringValue(
      RocksDBKeyedStateBackend<String> backend, StateTtlConfig ttl) {
    ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
    descriptor.enableTimeToLive(ttl);
    return backend.getOrCreateKeyedState(descriptor);
  }

  @Test
  void aCompactionFilterCleanupRunsAsTheIncrementalSweep() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open();
    StateTtlConfig.Builder onlyOnRead =
        StateTtlConfig.newBuilder(Duration.ofMillis(10)).disableCleanupInBackground();
    ValueStateDescriptor<String> swept = new ValueStateDescriptor<>("swept", String.class);
    swept.enableTimeToLive(onlyOnRead.cleanupInRocksdbCompactFilter(1000).build());
    ValueStateDescriptor<String> kept = new ValueStateDescriptor<>("kept", String.class);
    kept.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).disableCleanupInBackground().build());
    ValueState<String> sweptState = backend.getOrCreateKeyedState(swept);
    ValueState<String> keptState = backend.getOrCreateKeyedState(kept);
    for (int i = 0; i < 10; i++) {
      backend.setCurrentKey("k" + i);
      sweptState.update("v");
      keptState.update("v");
    }
    clock.set(10);
    backend.setCurrentKey("nobody");

    // 5 entries per access (the default): the pass the writes began, then one whole pass.
    for (int i = 0; i < 5; i++) {
      sweptState.value();
      keptState.value();
    }

    assertThat(backend.numStateEntries()).as("only the state without cleanup keeps its 10").isEqualTo(10);
    assertThat(backend.getKeys("kept", VoidNamespace.INSTANCE)).hasSize(10);
  }

  @Test
  void theSweepNeverDeletesAValueWrittenAfterItsCursorSawItExpired() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open();
    ValueState<String> state =
        expiringValue(backend, StateTtlConfig.newBuilder(Duration.ofMillis(10)).cleanupIncrementally(1, false).build());
    List<String> keys = List.of("a", "b", "c", "d", "e", "f");
    for (String key : keys) {
      backend.setCurrentKey(key);
      state.update("old");
    }
    clock.set(10);
    backend.setCurrentKey("nobody");
    state.value(); // the cursor opens, seeing every value expired, and removes the first

    for (String key : keys) {
      backend.setCurrentKey(key);
      state.update("new");
    }
    for (int i = 0; i < 20; i++) {
      state.value();
    }

    assertThat(backend.numStateEntries()).as("rewritten at 10, all live").isEqualTo(6);
    for (String key : keys) {
      backend.setCurrentKey(key);
      assertThat(state.value()).isEqualTo("new");
    }
  }

  @Test
  void theSweepRenewsItsCursorDuringLongPasses() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open();
    ValueState<String> state =
        expiringValue(backend, StateTtlConfig.newBuilder(Duration.ofMillis(10)).cleanupIncrementally(500, false).build());
    int entries = RocksDBTtlIncrementalCleanup.REFRESH_INTERVAL * 3;
    for (int i = 0; i < entries; i++) {
      backend.setCurrentKey("k" + i);
      state.update("v");
    }
    clock.set(5);
    backend.setCurrentKey("fresh");
    state.update("live");
    clock.set(10);

    for (int i = 0; i < entries / 500 + 2; i++) {
      state.value();
    }

    assertThat(backend.numStateEntries()).isEqualTo(1);
    assertThat(state.value()).isEqualTo("live");
  }
}
