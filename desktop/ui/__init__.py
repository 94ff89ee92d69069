"""The PySide6 user interface: main window, record tabs, forms, dialogs and charts."""
