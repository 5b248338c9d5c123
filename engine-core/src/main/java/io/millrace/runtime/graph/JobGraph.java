package io.millrace.runtime.graph;

import java.util.List;

/**
 * The executable form of a job: vertices (chains) and the network edges between them.
 *
 * @param jobName the job's name
 * @param vertices every vertex, sources first
 * @param networkEdges the edges between vertices (channels at run time)
 */
public record JobGraph(String jobName, List<JobVertex> vertices, List<StreamEdge> networkEdges) {}
