package io.millrace.examples.guide;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * The lines a piece of code prints with {@code System.out.println}, e.g. through
 * {@code print()} sinks. Log output, which reaches {@code System.out} through {@code write},
 * passes through to the real standard output and is not recorded.
 */
final class PrintedLines {
  private static final Pattern SUBTASK_PREFIX = Pattern.compile("^\\d+> ");

  /** Code that prints. */
  @FunctionalInterface
  interface Printing {
    void run() throws Exception;
  }

  private PrintedLines() {}

  /** The lines {@code code} prints, as printed (with the {@code "n> "} prefixes of parallel sinks). */
  static List<String> rawOf(Printing code) throws Exception {
    PrintStream original = System.out;
    Recorder recorder = new Recorder(original);
    System.setOut(recorder);
    try {
      code.run();
    } finally {
      System.setOut(original);
    }
    return List.copyOf(recorder.lines);
  }

  /** The lines {@code code} prints, with the {@code "n> "} subtask prefixes stripped. */
  static List<String> of(Printing code) throws Exception {
    return rawOf(code).stream().map(PrintedLines::stripped).toList();
  }

  /** {@code line} without its {@code "n> "} subtask prefix. */
  static String stripped(String line) {
    return SUBTASK_PREFIX.matcher(line).replaceFirst("");
  }

  /** Records whole printed lines (every print sink writes with println) and echoes them. */
  private static final class Recorder extends PrintStream {
    final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    Recorder(PrintStream echo) {
      super(echo, true);
    }

    @Override
    public void println(String line) {
      lines.add(String.valueOf(line));
      super.println(line);
    }

    @Override
    public void println(Object value) {
      println(String.valueOf(value));
    }

    @Override
    public void println(long value) {
      println(String.valueOf(value));
    }

    @Override
    public void println(int value) {
      println(String.valueOf(value));
    }
  }
}
