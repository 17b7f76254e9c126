"""spaCy components, one concern per module, registered as ``bilateral_<concern>_v1`` factories."""
