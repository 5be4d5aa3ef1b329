"""Tests of the vietnamese plugin (a package, so module names never clash)."""
