"""File › Synchronize… and the status bar's synchronization line (issue 19)."""
