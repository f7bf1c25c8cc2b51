"""Dagster definitions, one module per concern. ``banen_pipeline.definitions`` assembles them."""
