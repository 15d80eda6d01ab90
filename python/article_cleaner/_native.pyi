"""The compiled module; use article_cleaner.analyze instead."""

__version__: str

def analyze_json(
    text: str,
    input: str = "auto",
    max_facts: int = 5,
    raw: bool = False,
    no_entities: bool = False,
    no_facts: bool = False,
) -> str: ...
