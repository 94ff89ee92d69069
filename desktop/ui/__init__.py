"""The PySide6 user interface: main window, record tabs, forms, dialogs and charts."""

from desktop.ui.pyside_workarounds import protect_bool_refcount, protect_none_refcount

protect_none_refcount()  # before any Qt call: PySide6 6.12 on CPython 3.11 leaks references to None
protect_bool_refcount()  # and every emitted signal one to True
