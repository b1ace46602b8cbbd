/**
 * Scale-out on Hazelcast: replication tasks run on an embedded member (the default) or on a
 * cluster of {@code workbench worker} members; only the submitting process writes results.
 */
package io.mlproxy.cluster;
