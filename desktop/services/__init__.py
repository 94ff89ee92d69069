"""Use cases over the unit of work; they take and return frozen domain records, never ORM rows."""
