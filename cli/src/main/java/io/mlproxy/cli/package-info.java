/**
 * The {@code workbench} command (picocli): run, validate, report, bench and tune. Exit codes: 0
 * success, 1 failure with a message naming the file, line or field, 2 usage error.
 */
package io.mlproxy.cli;
