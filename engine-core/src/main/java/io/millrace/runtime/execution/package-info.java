/**
 * Internal: running a job in this JVM — wiring the job graph into tasks and channels, source
 * coordination, the job's lifecycle and its client. Not public API.
 */
package io.millrace.runtime.execution;
