"""The kenmerk version (the extractor version recorded in every note).

The one place it is written: pyproject.toml reads it from here ([tool.setuptools.dynamic]), so
a running kenmerk knows its version without asking the installed metadata (importlib.metadata
costs every process ~50 ms of start-up).
"""

__version__ = "0.1.0"
