"""An output file written under a temporary name beside its target and put in place whole, or not at all."""

from __future__ import annotations

import os
from contextlib import ExitStack, suppress
from pathlib import Path

from desktop.persistence.durable_files import flush_to_disk, replace_file
from desktop.services.leftovers import create_temporary_file
from desktop.services.output_targets import private_scratch, send, streams_through


class StagedFile:
    """A file written under the temporary name `.<name>.partial-<pid>` in the target's folder (0600), put in place
    by `commit` (services/leftovers.py finds it when a killed run left it); for a character device or FIFO
    (/dev/stdout, a named pipe) in a private folder elsewhere, then sent through it."""

    def __init__(self, target: Path, stack: ExitStack) -> None:
        self.target = target
        self.through = streams_through(target)
        beside = stack.enter_context(private_scratch()) / target.name if self.through else target
        self.path = create_temporary_file(beside)
        stack.callback(self._discard)

    def _discard(self) -> None:
        with suppress(FileNotFoundError):
            os.unlink(self.path)

    def commit(self) -> None:
        if self.through:
            send(self.path, self.target)  # the device or pipe stays what it is
            return
        with open(self.path, "rb+") as done:
            flush_to_disk(done.fileno())
        replace_file(self.path, self.target)
