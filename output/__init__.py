"""kenmerk.output: `Note` → RDF graphs, files, stores and SPARQL endpoints; and the CLI."""
