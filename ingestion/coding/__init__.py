"""Coders: agency, themes and layer of a recommendation; case facts and case themes; SMART."""
