"""What the system said when a file could not be used, in words fit for a message.

One helper for every layer: the loader (reading exercise files) and storage
(the log, settings, exports) both turn an ``OSError`` into the same plain
reason. Stdlib only.
"""

from __future__ import annotations


def os_reason(error: OSError) -> str:
    """The system's own words for ``error`` ("No space left on device"), never empty."""
    return error.strerror or str(error) or type(error).__name__
