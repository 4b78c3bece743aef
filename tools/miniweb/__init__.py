"""The mini-web's generator: renders the snapshot that `chitieu.miniweb` ships and serves.

`python -m tools.miniweb.generate` (`make miniweb`) rewrites chitieu/miniweb/site*/; the package keeps
only the snapshot and its server, so `make demo` runs offline from an installed package.
"""
