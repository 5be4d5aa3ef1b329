"""Command-line tools for editors: `sokhcn check`, `sokhcn new`, `sokhcn import`."""
