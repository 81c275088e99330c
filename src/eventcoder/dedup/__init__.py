"""Dedup stage: merge the same event reported by several articles into one row."""

from eventcoder.dedup.events import EventCluster, cluster_events

__all__ = ["EventCluster", "cluster_events"]
