/** Sources: the {@code SourceFunction} loop, the split-based {@code Source} SPI and built-in sources. Public API. */
package io.millrace.api.source;
