/** The heap state backend's configuration. Public API. */
package io.millrace.state.heap;
