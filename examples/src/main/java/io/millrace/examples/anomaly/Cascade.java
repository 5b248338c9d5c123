package io.millrace.examples.anomaly;

/**
 * Errors of a called service followed by high latency of its caller: the callee's errors
 * probably slow the caller down.
 *
 * @param caller the calling service, whose latency rose
 * @param callee the called service, whose error rate rose first
 * @param errorsAt the error-rate anomaly's timestamp
 * @param latencyAt the latency anomaly's timestamp
 */
public record Cascade(String caller, String callee, long errorsAt, long latencyAt) {}
