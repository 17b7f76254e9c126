"""Cross-document resolution: one meeting per event, people and mechanisms over time,
commitments followed through.

Pure functions over :class:`bilateral.resolved.Report` inputs: no database, no network.
:func:`bilateral.resolution.resolve.resolve` runs every step; the services decide which
reports (which blocks) to feed it and store the result.
"""
