/**
 * Internal: tasks — the mailbox loop that runs one parallel instance of a chain, the outputs
 * that connect its operators, and the drivers of source tasks. Not public API.
 */
package io.millrace.runtime.task;
