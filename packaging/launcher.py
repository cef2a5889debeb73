"""PyInstaller entry point: the frozen ``neurosim`` executable runs the ``neurosim`` command.

A script of its own (not ``neurosim/__main__.py``) so the bundle imports ``neurosim`` as a
package, exactly as an installed wheel does.
"""

import sys

from neurosim.cli import main

if __name__ == "__main__":
    sys.exit(main())
