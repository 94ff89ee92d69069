"""`python -m desktop` runs the command line."""

import sys

from desktop.timing import mark

mark("main")  # the interpreter is up; what follows until "imports" is importing the program

from desktop.cli import main  # noqa: E402

sys.exit(main())
