"""Bringing company data into the directory: chamber exports (reader, normalisation, gazetteer, import plan)."""
