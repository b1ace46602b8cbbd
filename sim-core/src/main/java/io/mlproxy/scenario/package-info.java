/**
 * Scenario files: the YAML schema of a workbench run as immutable records ({@link
 * io.mlproxy.scenario.Scenario} and one record per section) and the loader that validates a file
 * completely, reporting every error with file, line, column and field. Defaults follow mainline
 * DAMON and DAMON_RECLAIM; the records are the file schema, independent of the runtime classes
 * that the engine builds from them.
 */
package io.mlproxy.scenario;
