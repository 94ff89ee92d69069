"""Pure-Python domain: enumerations, records and validation rules (imports nothing above it)."""
