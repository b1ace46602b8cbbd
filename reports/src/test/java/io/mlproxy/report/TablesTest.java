package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class TablesTest {

  @Test
  void tablesWorkWithoutTablesawScanningTheClassPath() {
    String classPath = System.getProperty("java.class.path");

    Table t = Tables.create("t");
    t.addColumns(DoubleColumn.create("x", 1.5, 2.5));

    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.doubleColumn("x").getDouble(1)).isEqualTo(2.5);
    // every table of the reports comes through Tables, so Table was initialised there: had the
    // scan run, Tablesaw's CSV reader and writer (found on this class path) would be registered
    assertThat(Table.defaultReaderRegistry.getReaderForExtension("csv")).isEmpty();
    assertThat(System.getProperty("java.class.path")).isEqualTo(classPath);
  }

  @Test
  void theHeadlineTableIsATablesawTable() {
    Table t = HeadlineTable.build(List.of());

    assertThat(t.name()).isEqualTo("headline");
    assertThat(t.columnNames()).startsWith("variant", "replications");
  }
}
