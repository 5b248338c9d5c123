package io.millrace.conformance;

/** The output files of a scenario: which golden file an output line is compared against. */
enum OutputFile {
  MAIN("expected.jsonl"),
  LATE("expected-late.jsonl"),
  TIMEOUT("expected-timeout.jsonl");

  final String fileName;

  OutputFile(String fileName) {
    this.fileName = fileName;
  }
}
