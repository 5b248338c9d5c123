package io.millrace.api.functions;

import java.io.Serializable;

/**
 * The root of every user-function interface. Functions are {@link Serializable}, as in Apache
 * Flink: Millrace never serializes them in-process, but a job stays shippable to a cluster.
 *
 * <p>This package is split across two artifacts: the functions that state descriptors take
 * ({@code Function}, {@link ReduceFunction}, {@link AggregateFunction}) live in
 * {@code millrace-state}, the rest in {@code millrace-core}.
 */
public interface Function extends Serializable {}
