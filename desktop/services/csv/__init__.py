"""CSV export and import of incidents, facilities and plan items (the format: format.py)."""
