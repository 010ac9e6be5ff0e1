"""botox-info: what can go wrong with Botox® injections, what to do, how to avoid it.

Educational information from a sourced knowledge base, not medical advice.
"""

# The single source of the version: pyproject.toml reads it from here (hatch),
# so `--version` does not pay for importing importlib.metadata.
__version__ = "0.2.0"
