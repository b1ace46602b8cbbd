/** Sweeps: a grid of values of scenario fields, every point a full run with common random numbers. */
package io.mlproxy.sweep;
