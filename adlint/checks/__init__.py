"""Rule implementations: one module per rule family; each Rule subclass is registered automatically."""
