package io.millrace.benchmarks.suite;

/**
 * The workloads of {@code WORKLOADS.md} (design notes): what each job does, its default number of
 * events N and what its check figure is. Every engine runs the same events (the
 * {@link io.millrace.benchmarks.workload.ClickGenerator}) and must report the same check figure.
 */
public enum Workload {
  W1("stateless chain: map(adId*31+userId) → filter(v % 3 != 0) → counting sink", 50_000_000L, "survivors"),
  W2("keyBy(adId) → tumbling event-time 60 s → count", 20_000_000L, "sum of counts = N"),
  W3("W2 on the RocksDB backend", 5_000_000L, "sum of counts = N"),
  W4("keyBy(adId) → sliding event-time 60 s / 10 s → sum(amount)", 10_000_000L, "sum of sums = 6 × Σamount"),
  W5("keyBy(userId) → event-time sessions, 30 s gap → count", 10_000_000L, "sum of counts = N"),
  W6("CEP keyBy(userId): amount < 10 next amount > 1000 within 5 min", 10_000_000L, "match count"),
  W7("W2 with exactly-once checkpoints every 1 s to local disk", 20_000_000L, "sum of counts = N"),
  S("start-up: 10 elements → map → collect, wall time of execute()", 10L, "collected elements");

  private final String job;
  private final long defaultEvents;
  private final String check;

  Workload(String job, long defaultEvents, String check) {
    this.job = job;
    this.defaultEvents = defaultEvents;
    this.check = check;
  }

  /** What the job does. */
  public String job() {
    return job;
  }

  /** N as WORKLOADS.md gives it. */
  public long defaultEvents() {
    return defaultEvents;
  }

  /** What the check figure is. */
  public String check() {
    return check;
  }
}
