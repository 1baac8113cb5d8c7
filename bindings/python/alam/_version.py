"""Version of the alam Python package (kept equal to the repository VERSION file)."""

__version__ = "0.1.0"
