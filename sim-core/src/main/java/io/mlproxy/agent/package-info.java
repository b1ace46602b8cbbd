/**
 * The user-space ML agent of the ml_lib RFC: a simulated process ({@link
 * io.mlproxy.agent.AgentProcess}) that talks to the kernel-side proxy only through the sysfs-like
 * control interface (text) and the character-device-like data channel (bytes), and its continual
 * models built on Apache Commons Math: online logistic regression over DAMON region features with
 * labels from later datasets and from feedback, k-means hot/cold clustering, and a UCB1 tuner of
 * DAMON_RECLAIM's min_age (DAMOOS-style auto-tuning).
 */
package io.mlproxy.agent;
