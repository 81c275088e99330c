"""Dedup stage: merge the same event reported by several articles into one row."""

from eventcoder.dedup.articles import near_duplicate_groups
from eventcoder.dedup.events import EventCluster, cluster_events

__all__ = ["EventCluster", "cluster_events", "near_duplicate_groups"]
