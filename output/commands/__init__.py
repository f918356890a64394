"""Sub-commands of the `kenmerk` CLI, one module each."""
