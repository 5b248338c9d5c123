/**
 * User-function interfaces. Public API. Split across {@code millrace-state} (the functions
 * state descriptors take) and {@code millrace-core} (everything else).
 */
package io.millrace.api.functions;
