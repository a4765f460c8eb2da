"""Benchmarks; not part of the product. See docs/architecture.md."""
