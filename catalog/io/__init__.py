"""Import and export of the catalog (YAML, JSON, CSV, XLSX), all-or-nothing."""
