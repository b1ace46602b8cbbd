package io.mlproxy.scenario;

import java.util.OptionalLong;

/**
 * The oracle variant: its look-ahead horizon in microseconds (empty = {@code auto}, the
 * break-even time) and whether it is bound by the policy's quota.
 */
public record OracleSpec(OptionalLong horizonUs, boolean sameQuota) {

  /** horizon auto, same quota. */
  public static OracleSpec defaults() {
    return new OracleSpec(OptionalLong.empty(), true);
  }
}
