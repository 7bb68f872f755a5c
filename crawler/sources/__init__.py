"""Site facts: the source registry (one TOML file per source) and the CMS families it builds on."""
