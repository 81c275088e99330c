"""Event detection and field extraction: from a parsed article to coded events."""
