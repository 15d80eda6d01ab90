"""Article Cleaner: a pasted news article back clean, with its key entities
and facts, computed locally by the Rust library.

>>> import article_cleaner
>>> report = article_cleaner.analyze("Storm Closes Harbour\\n\\nThe harbour in Port Ellis was closed on Friday, the port authority said.")
>>> report["title"]
'Storm Closes Harbour'

The report is the dict of the project's SPEC.md (schema 1): offsets are
`str` indices into the text as given. `analyze` releases the GIL while it
works, so threads of one process analyse in parallel.
"""

import json

from . import _native

__all__ = ["analyze", "__version__"]
__version__ = _native.__version__


def analyze(text, *, input="auto", max_facts=5, raw=False, no_entities=False, no_facts=False):
    """Analyses one article (plain text or HTML) and returns its report.

    Raises ValueError on a bad option value (an unknown `input`, a
    `max_facts` outside 0..100), TypeError on a value of the wrong type.
    Any text gives a report.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    for name, flag in (("raw", raw), ("no_entities", no_entities), ("no_facts", no_facts)):
        if not isinstance(flag, bool):
            raise TypeError(f"{name} must be a bool, not {type(flag).__name__}")
    if isinstance(max_facts, bool) or not isinstance(max_facts, int):
        raise TypeError(f"max_facts must be an int, not {type(max_facts).__name__}")
    if not isinstance(input, str):
        raise TypeError(f"input must be a str, not {type(input).__name__}")
    if not -(2**63) <= max_facts < 2**63:
        raise ValueError(f"bad option: max_facts must be a whole number from 0 to 100, not {max_facts}")
    return json.loads(_native.analyze_json(text, input, max_facts, raw, no_entities, no_facts))
