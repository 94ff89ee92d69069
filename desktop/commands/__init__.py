"""Headless subcommands; every module of this package registers its own with @command."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from desktop.persistence.unit_of_work import Database

Run = Callable[[Database, argparse.Namespace], int]
AddArguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    help: str
    run: Run
    add_arguments: AddArguments
    opens_database: bool = True  # False: run(None, args) opens (or repairs) args.database_url itself
    writes: bool = False  # True: runs holding the database's instance lock, as the window does (one writer)


COMMANDS: dict[str, Command] = {}


def command(
    name: str,
    help_text: str,
    arguments: AddArguments = lambda parser: None,
    *,
    opens_database: bool = True,
    writes: bool = False,
) -> Callable[[Run], Run]:
    """Register `function(database, args) -> exit status` as subcommand `name`; args.app_paths and the
    resolved args.database_url are set. With opens_database=False the function gets None instead; with
    writes=True it runs while holding the instance lock (waiting up to --wait seconds for another holder)."""

    def register(function: Run) -> Run:
        COMMANDS[name] = Command(help_text, function, arguments, opens_database, writes)
        return function

    return register


def load_commands() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
