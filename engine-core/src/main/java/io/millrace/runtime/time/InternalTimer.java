package io.millrace.runtime.time;

/**
 * A timer of one key and namespace; equal timers are one timer (deduplicated).
 *
 * @param timestamp when it fires
 * @param key the key it belongs to
 * @param namespace the namespace (window) it belongs to
 * @param <K> key type
 * @param <N> namespace type
 */
public record InternalTimer<K, N>(long timestamp, K key, N namespace) {}
