package io.millrace.benchmarks.workload;

import java.io.Serializable;

/**
 * One event of the benchmark workloads (WORKLOADS.md).
 *
 * @param adId the ad clicked, {@code 0 .. 99_999}
 * @param userId the clicking user, {@code 0 .. 999_999}
 * @param ts event time in epoch milliseconds, up to 2 s out of order
 * @param amount {@code 0.00 .. 1999.99}
 */
public record Click(long adId, long userId, long ts, double amount) implements Serializable {}
