"""The session service: `service.DatabaseSessions` opens, checks, migrates, switches and closes databases; the
problems it cannot settle alone come back as the `questions` a user interface answers."""
