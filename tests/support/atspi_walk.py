"""Dump a running program's AT-SPI accessibility tree as JSON (run with Debian's /usr/bin/python3, where pyatspi is).

Usage: atspi_walk.py PID [--wait-for TITLE] [--seconds N]. Waits until the program with process id PID is on the
accessibility bus (and, with --wait-for, shows a window whose name contains TITLE), then prints
{"windows": [{"role", "name"}], "focusable": [{"role", "name", "description", "path", "window"}], "cells": N}:
every showing accessible with the focusable state (table cells and list items only counted: their name is their
text), and each showing window; "first_cell": the screen point [x, y] of the first table cell with text."""

from __future__ import annotations

import argparse
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

ITEM_ROLES = {"table cell", "list item", "tree item", "column header", "row header"}
MAX_CHILDREN = 400  # a long table or list: its first rows are enough to judge its cells


def application(pid: int) -> object | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # an application that went away meanwhile
            continue
    return None


def showing_windows(app: object) -> list[object]:
    windows = []
    for index in range(app.childCount):  # type: ignore[attr-defined]
        window = app.getChildAtIndex(index)  # type: ignore[attr-defined]
        if window is not None and window.getState().contains(pyatspi.STATE_SHOWING):
            windows.append(window)
    return windows


def walk(node: object, path: str, window: str, found: dict[str, object]) -> None:
    try:
        role = node.getRoleName()  # type: ignore[attr-defined]
        states = node.getState()  # type: ignore[attr-defined]
        name = node.name or ""  # type: ignore[attr-defined]
        count = node.childCount  # type: ignore[attr-defined]
    except Exception:  # destroyed while walking
        return
    here = f"{path}/{role}:{name[:30]}"
    if states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_FOCUSABLE):
        if role in ITEM_ROLES:
            found["cells"] = int(found["cells"]) + 1  # type: ignore[call-overload]
            if role == "table cell" and name and not found.get("first_cell"):
                box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)  # type: ignore[attr-defined]
                found["first_cell"] = [box.x + box.width // 2, box.y + box.height // 2]
        else:
            description = node.description or ""  # type: ignore[attr-defined]
            found["focusable"].append(  # type: ignore[attr-defined]
                {"role": role, "name": name, "description": description, "path": here, "window": window}
            )
    if not states.contains(pyatspi.STATE_SHOWING) and path:
        return  # a hidden page or widget: nothing under it is shown
    for index in range(min(count, MAX_CHILDREN)):
        child = node.getChildAtIndex(index)  # type: ignore[attr-defined]
        if child is not None:
            walk(child, here, window, found)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pid", type=int)
    parser.add_argument("--wait-for", default="")
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    deadline = time.monotonic() + args.seconds
    windows: list[object] = []
    while time.monotonic() < deadline:
        app = application(args.pid)
        windows = showing_windows(app) if app is not None else []
        if windows and any(args.wait_for in (w.name or "") for w in windows):  # type: ignore[attr-defined]
            break
        time.sleep(0.2)
    else:
        names = [w.name for w in windows]  # type: ignore[attr-defined]
        print(f"no window {args.wait_for!r} of process {args.pid} on the bus (showing: {names})", file=sys.stderr)
        return 2
    found: dict[str, object] = {"windows": [], "focusable": [], "cells": 0}
    for window in windows:
        found["windows"].append({"role": window.getRoleName(), "name": window.name})  # type: ignore[attr-defined]
        walk(window, "", window.name, found)  # type: ignore[attr-defined]
    json.dump(found, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
