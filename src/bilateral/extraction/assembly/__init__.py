"""Assembly: from an annotated Doc to the spec's engagement records."""

from bilateral.extraction.assembly.engagement import Assembler

__all__ = ["Assembler"]
