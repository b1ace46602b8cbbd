/**
 * Outside processes as the user-space agent: the workbench side of the agent protocol
 * (docs/agent-protocol.md). {@link io.mlproxy.agent.external.ExternalAgent} runs one process in
 * lockstep with simulated time where the built-in agent runs, serving its requests with the proxy's
 * {@link io.mlproxy.proxy.ControlInterface} and {@link io.mlproxy.proxy.DataChannel} only
 * ({@link io.mlproxy.agent.external.RequestServer}); {@link io.mlproxy.agent.external.AgentConnection}
 * owns the process, its bounded frame reader, timeouts and its stderr log; {@link
 * io.mlproxy.agent.external.ChildProcesses} makes sure none outlives the JVM; {@link
 * io.mlproxy.agent.external.AgentCheck} is the scripted conformance session of
 * {@code workbench agent-check}.
 */
package io.mlproxy.agent.external;
