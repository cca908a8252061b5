"""The briefing: the study's tables and charts from the published warehouse, as one HTML page."""

from publications.briefing.page import BRIEFING_NAME, render_briefing, write_briefing

__all__ = ["BRIEFING_NAME", "render_briefing", "write_briefing"]
